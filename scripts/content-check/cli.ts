// `npm run content:check [-- --root <folder>]`: checks content/ and prints every problem; exit 1 on any.
import path from "node:path";
import { type CheckReport, checkContent } from "@/lib/content/check";
import { mdxComponentSpecs } from "@/lib/content/mdx-specs";
import { formatProblem } from "@/lib/content/problems";
import { defaultLocale, locales } from "@/lib/i18n/locales";
import { plural, pluralWord } from "@/lib/text/plural";
import { runWhenMain } from "../cli";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function runContentCheck(root: string, languages: readonly string[] = locales): Promise<CheckReport> {
  return checkContent({ root, locales: languages, defaultLocale, specs: mdxComponentSpecs });
}

/** Returns the exit code: 0 when content/ is fine, 1 on any problem, 2 on wrong usage. */
export async function main(
  argv: readonly string[],
  io: Io = consoleIo,
  languages: readonly string[] = locales,
): Promise<number> {
  let root = process.cwd();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root" && argv[i + 1]) root = path.resolve(argv[++i]!);
    else {
      io.err(`Unknown option ${argv[i]}. Usage: npm run content:check [-- --root <folder holding content/>]`);
      return 2;
    }
  }
  const { problems, stats } = await runContentCheck(root, languages);
  if (problems.length === 0) {
    io.out(
      `✓ content/ is ready to publish: ${plural(stats.editions, "language")}, ` +
        `${stats.items} declared cookies and storage keys, ${plural(stats.changes, "version")} in the changelog.`,
    );
    return 0;
  }
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
  io.err(
    `✗ ${plural(problems.length, "problem")} in content/. Nothing is published until ${pluralWord(problems.length, "it is", "they are")} fixed.\n` +
      "  Each line above says file:line:column and what is wrong. See docs/editing-the-policy.md.",
  );
  return 1;
}

runWhenMain(import.meta, (argv) => main(argv));
