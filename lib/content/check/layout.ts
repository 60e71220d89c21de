// The shape of content/: the registry, the changelog and one folder per registered language.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ContentProblem } from "../problems";
import { didYouMean } from "../suggest";
import { languageName, meantLocale, missingFile } from "./shared";

/** content/ holds the registry, the changelog and one folder per language; nothing else is read. */
export async function checkLayout(root: string, locales: readonly string[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  let entries: string[];
  try {
    entries = await readdir(path.join(root, "content"));
  } catch {
    return [missingFile("content/", "The content folder is missing.")];
  }
  const topFiles = ["registry.yaml", "changelog.yaml"];
  for (const name of entries) {
    if (name.startsWith(".") || name === "README.md") continue;
    const full = path.join(root, "content", name);
    const isDir = (await stat(full)).isDirectory();
    if (isDir && !locales.includes(name)) {
      const near = meantLocale(name, locales);
      problems.push({
        file: `content/${name}/`,
        line: 1,
        column: 1,
        message: `The folder "${name}" is not a language of this site, so nothing in it is published.`,
        hint: near
          ? `Did you mean "${near}"?`
          : `The site's languages are: ${locales.join(", ")}. To add a language, see "Adding a language" in docs/editing-the-policy.md.`,
      });
    } else if (isDir) {
      for (const inner of await readdir(full)) {
        if (inner.startsWith(".") || inner === "cookie-policy.mdx") continue;
        problems.push({
          file: `content/${name}/${inner}`,
          line: 1,
          column: 1,
          message: `"${inner}" is not used: each language folder holds only cookie-policy.mdx.`,
          ...(didYouMean(inner, ["cookie-policy.mdx"]) ? { hint: didYouMean(inner, ["cookie-policy.mdx"]) } : {}),
        });
      }
    } else if (!topFiles.includes(name)) {
      problems.push({
        file: `content/${name}`,
        line: 1,
        column: 1,
        message: `"${name}" is not used by the site.`,
        hint: didYouMean(name, topFiles) ?? `content/ holds ${topFiles.join(", ")} and one folder per language.`,
      });
    }
  }
  // Every strings file must be registered, or its language silently does not exist.
  const stringsDir = path.join(root, "lib/i18n/strings");
  const stringFiles = await readdir(stringsDir).catch(() => [] as string[]);
  for (const f of stringFiles) {
    const code = /^([a-z]{2,3})\.ts$/.exec(f)?.[1];
    if (code && !locales.includes(code))
      problems.push({
        file: `lib/i18n/strings/${f}`,
        line: 1,
        column: 1,
        message: `The strings file for "${code}" is not registered, so the site has no ${languageName(code)} edition.`,
        hint: `Add ${code} to the catalog in lib/i18n/strings/index.ts.`,
      });
  }
  return problems;
}
