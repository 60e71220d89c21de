// Every edition has the same sections, in the same order, as the default one.
import type { ContentProblem } from "../problems";
import { type PolicyHeading } from "./mdx";
import { type Edition } from "./shared";

/**
 * Every edition has the same sections: the same headings at the same levels, in the same order, and
 * the same components in each (a translation must not lose a switch or a declaration table).
 */
export function checkSections(editions: Edition[], main: Edition | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!main?.mdx?.parsed) return problems;
  const a = main.mdx.headings;
  const level = (h: PolicyHeading) => `${"#".repeat(h.depth)} ${h.text}`;
  const place = (h: PolicyHeading) => (h.inside ? ` inside <${h.inside}>` : "");
  for (const e of editions) {
    if (e === main || !e.mdx?.parsed) continue;
    const b = e.mdx.headings;
    const report = (line: number, column: number, message: string, hint: string) =>
      problems.push({ file: e.file, line, column, message, hint });
    // A mistyped component already has its own problem; comparing its uses would only echo it.
    const compareUses = main.mdx.problems.length === 0 && e.mdx.problems.length === 0;
    const usesDiffer = (want: string[], have: string[], line: number, column: number, where: string) => {
      if (!compareUses) return;
      const missing = want.filter((u) => !have.includes(u));
      const extra = have.filter((u) => !want.includes(u));
      if (!missing.length && !extra.length) return;
      const differences = [
        ...(missing.length ? [`lacks ${missing.join(", ")}`] : []),
        ...(extra.length ? [`has ${extra.join(", ")} that ${main.file} does not`] : []),
      ];
      report(
        line,
        column,
        `${where} ${differences.join(" and ")}.`,
        "Every language uses the same components in the same sections; only the text between them is translated.",
      );
    };
    usesDiffer(main.mdx.preambleUses, e.mdx.preambleUses, 1, 1, "The text before the first heading");
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const ha = a[i];
      const hb = b[i];
      if (ha && hb && ha.depth === hb.depth && ha.inside === hb.inside) {
        usesDiffer(
          ha.uses,
          hb.uses,
          hb.line,
          hb.column,
          `The section "${level(hb)}" (in ${main.file}: "${level(ha)}", line ${ha.line})`,
        );
        continue;
      }
      if (ha && hb)
        report(
          hb.line,
          hb.column,
          `The sections differ from ${main.file}: here comes "${level(hb)}"${place(hb)}, where ${main.file} has "${level(ha)}"${place(ha)} (line ${ha.line}).`,
          "Every language has the same headings at the same levels (##, ###), in the same order.",
        );
      else if (ha) {
        const last = b.at(-1);
        const after = last ? ` after "${last.text}"` : "";
        const more = a.length - b.length - 1;
        report(
          last?.line ?? 1,
          1,
          `This edition is missing sections that ${main.file} has${after}: "${level(ha)}" (line ${ha.line})${more > 0 ? ` and ${more} more` : ""}.`,
          "Translate the missing sections, with headings at the same levels.",
        );
      } else if (hb) {
        const more = b.length - a.length - 1;
        report(
          hb.line,
          hb.column,
          `"${level(hb)}" has no counterpart in ${main.file}${more > 0 ? `, and neither do the ${more} headings after it` : ""}.`,
          "Every language has the same headings at the same levels, in the same order.",
        );
      }
      break; // after a heading out of step every later one would differ too
    }
  }
  return problems;
}
