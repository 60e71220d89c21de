// What the checks share: an edition as read, and helpers for their messages.
import { type Frontmatter } from "../frontmatter";
import type { ContentProblem } from "../problems";
import { editDistance } from "../suggest";
import { type YamlSource } from "../yaml-source";
import { type MdxAnalysis } from "./mdx";

/** One edition of the policy as the check read it (null where the file could not be parsed). */
export interface Edition {
  locale: string;
  file: string;
  frontmatter: Frontmatter | null;
  yaml: YamlSource | null;
  mdx: MdxAnalysis | null;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export function missingFile(file: string, message: string, hint?: string): ContentProblem {
  return { file, line: 1, column: 1, message, ...(hint ? { hint } : {}) };
}

export function languageName(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The line in `other` that corresponds to `line` in `main`: the same heading, counted from the top. */
export function counterpartLine(main: Edition, other: Edition, line: number): number {
  const index = main.mdx!.headings.filter((h) => h.line <= line).length - 1;
  return (index >= 0 ? other.mdx?.headings[index]?.line : undefined) ?? 1;
}

/** A language code that was meant: "DE", "de-DE", "dee" → "de". Two-letter codes are all close to each other, so no more. */
export function meantLocale(code: string, locales: readonly string[]): string | undefined {
  const lower = code.toLowerCase();
  return locales.find(
    (l) =>
      l === lower ||
      lower.startsWith(`${l}-`) ||
      lower.startsWith(`${l}_`) ||
      (lower.length > 2 && editDistance(lower, l) === 1),
  );
}
