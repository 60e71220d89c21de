// docs/benchmarks.md is written by `npm run bench` (every section it measures) and by the single benchmarks
// (`npm run bench:floor -- --write-docs`: their own section). Sections no run writes, the readings written by
// hand among them, must survive a full run: this keeps them, each after the section it followed.

/** The file's `## ` sections, in order, as [heading line, whole text]; the text before the first is "". */
export function splitSections(md) {
  const parts = md.split(/\n(?=## )/);
  return parts.map((text, i) => [i === 0 && !text.startsWith("## ") ? "" : text.split("\n", 1)[0], text]);
}

/**
 * What names a section whatever its figures: the heading up to its first number or parenthesis
 * ("## Requests per second, policy page (162 KiB HTML), 50 connections, 30 s" → "## Requests per second,
 * policy page"), so a run replaces its own section when the figures in the heading change.
 */
export function sectionKey(heading) {
  return heading.split(/[\d(]/, 1)[0].replace(/[\s,:;]+$/, "");
}

/**
 * The new sections (each a "## …" text), with every section of the old file that none of them replaces
 * (by `sectionKey`) put back after the one it followed there (or after the last, when that one is gone).
 */
export function keepOtherSections(oldMd, sections) {
  const fresh = sections.map((s) => s.replace(/\n*$/, "\n"));
  const headings = new Set(fresh.map((s) => sectionKey(s.split("\n", 1)[0])));
  const old = splitSections(oldMd ?? "").filter(([heading]) => heading);
  const out = [...fresh];
  let after = null;
  for (const [heading, text] of old) {
    const key = sectionKey(heading);
    if (headings.has(key)) {
      after = key;
      continue;
    }
    const at = after === null ? 0 : out.findIndex((s) => sectionKey(s.split("\n", 1)[0]) === after) + 1 || out.length;
    out.splice(at, 0, text.replace(/\n*$/, "\n"));
    after = key;
    headings.add(key);
  }
  return out;
}
