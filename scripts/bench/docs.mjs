// docs/benchmarks.md is written by `npm run bench` (every section it measures) and by the single benchmarks
// (`npm run bench:floor -- --write-docs`: their own section). Sections no run writes, the readings written by
// hand among them, must survive a full run: this keeps them, each after the section it followed.

/** The file's `## ` sections, in order, as [heading line, whole text]; the text before the first is "". */
export function splitSections(md) {
  const parts = md.split(/\n(?=## )/);
  return parts.map((text, i) => [i === 0 && !text.startsWith("## ") ? "" : text.split("\n", 1)[0], text]);
}

/**
 * The new sections (each a "## …" text), with every section of the old file whose heading none of them has
 * put back after the one it followed there (or after the last, when that one is gone too).
 */
export function keepOtherSections(oldMd, sections) {
  const fresh = sections.map((s) => s.replace(/\n*$/, "\n"));
  const headings = new Set(fresh.map((s) => s.split("\n", 1)[0]));
  const old = splitSections(oldMd ?? "").filter(([heading]) => heading);
  const out = [...fresh];
  let after = null;
  for (const [heading, text] of old) {
    if (headings.has(heading)) {
      after = heading;
      continue;
    }
    const at = after === null ? 0 : out.findIndex((s) => s.split("\n", 1)[0] === after) + 1 || out.length;
    out.splice(at, 0, text.replace(/\n*$/, "\n"));
    after = heading;
    headings.add(heading);
  }
  return out;
}
