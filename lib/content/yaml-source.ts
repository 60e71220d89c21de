// Parses YAML keeping positions, so a schema error can be reported at the line the legal team wrote.
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { ContentProblem } from "./problems";

export interface YamlSource {
  doc: Document;
  /** Line and column (1-based) of the value at `path`, or of its nearest existing parent. */
  position(path: readonly PropertyKey[]): { line: number; column: number };
}

export function parseYamlSource(
  text: string,
  file: string,
  lineOffset = 0,
): { success: true; source: YamlSource } | { success: false; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      success: false,
      problems: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        message: `This is not valid YAML: ${plainYamlError(e.code, e.message)}`,
        hint: "Check the indentation (spaces, not tabs) and that every text containing a colon is in quotes.",
      })),
    };
  }
  return {
    success: true,
    source: {
      doc,
      position(path) {
        for (let n = path.length; n >= 0; n--) {
          const node = doc.getIn(path.slice(0, n) as unknown[], true);
          if (isNode(node) && node.range) return at(node.range[0]);
        }
        return { line: 1 + lineOffset, column: 1 };
      },
    },
  };
}

function plainYamlError(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  switch (code) {
    case "DUPLICATE_KEY":
      return "the same field is written twice.";
    case "TAB_AS_INDENT":
      return "a tab is used for indentation; use spaces.";
    case "MISSING_CHAR":
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return `${first} (often a missing quote, colon or dash).`;
    default:
      return first;
  }
}

/** Turns zod issues into problems located in the YAML source. */
export function zodProblems(
  error: z.ZodError,
  source: YamlSource,
  file: string,
  describe: (issue: z.core.$ZodIssue) => { message: string; hint?: string } = (i) => ({ message: i.message }),
): ContentProblem[] {
  return error.issues.map((issue) => {
    const { message, hint } = describe(issue);
    return { file, ...source.position(issue.path), message, ...(hint ? { hint } : {}) };
  });
}
