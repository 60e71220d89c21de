// A problem in content/ as the legal team should read it: where it is, what is wrong, what to write.
import { plural } from "../text/plural";

export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** What to write instead, when that can be known. */
  hint?: string;
}

export type Parsed<T> = { success: true; data: T } | { success: false; problems: ContentProblem[] };

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.message}${p.hint ? `\n    ${p.hint}` : ""}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      `The policy content has ${problems.length === 1 ? "a problem" : plural(problems.length, "problem")}:\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}
