// The dev preview's report of content mistakes: file, line, what is wrong and what to write, with the
// line itself shown, in place of a stack trace. Shown only by `npm run dev`.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ContentProblem } from "@/lib/content/problems";
import { plural, pluralWord } from "@/lib/text/plural";

async function excerpt(p: ContentProblem): Promise<{ number: number; text: string }[]> {
  if (p.file.endsWith("/")) return [];
  try {
    const lines = (await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), p.file), "utf8")).split("\n");
    const from = Math.max(1, p.line - 1);
    const to = Math.min(lines.length, p.line + 1);
    return Array.from({ length: to - from + 1 }, (_, i) => ({ number: from + i, text: lines[from + i - 1] ?? "" }));
  } catch {
    return [];
  }
}

export async function ContentProblems({ problems, blocking }: { problems: ContentProblem[]; blocking: boolean }) {
  const withLines = await Promise.all(problems.map(async (p) => ({ p, lines: await excerpt(p) })));
  const count = plural(problems.length, "problem");
  return (
    <section
      className="not-prose mb-8 rounded-lg border-2 border-warn bg-warn-soft p-5 text-fg"
      aria-labelledby="dev-problems-title"
      data-content-problems={blocking ? "blocking" : "notice"}
    >
      <h2 id="dev-problems-title" className="text-xl font-semibold">
        {blocking
          ? `This page cannot be shown: ${count} in content/`
          : `Preview only: ${count} in content/ must be fixed before publishing`}
      </h2>
      <p className="mt-1 text-sm">
        Fix {pluralWord(problems.length, "it", "them")} and save; this page updates by itself.{" "}
        <code>npm run content:check</code> lists the same.
      </p>
      <ol className="mt-4 space-y-4">
        {withLines.map(({ p, lines }) => (
          <li key={`${p.file}:${p.line}:${p.column}:${p.message}`} className="rounded-md bg-surface p-4">
            <p className="text-sm">
              <code>
                {p.file}:{p.line}:{p.column}
              </code>
            </p>
            <p className="mt-1 font-medium">{p.message}</p>
            {p.hint ? <p className="mt-1 text-muted">{p.hint}</p> : null}
            {lines.length ? (
              <pre
                className="mt-2 overflow-x-auto rounded bg-surface-2 p-2 text-sm"
                aria-label={`${p.file} around line ${p.line}`}
              >
                {lines.map((l) => (
                  <span key={l.number} className={l.number === p.line ? "font-bold text-danger" : "text-muted"}>
                    {String(l.number).padStart(4)} │ {l.text}
                    {"\n"}
                  </span>
                ))}
              </pre>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
