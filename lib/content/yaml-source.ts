// Parses YAML keeping positions, so a schema error can be reported at the line the legal team wrote.
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
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
      // Only the first: one slip (a missing quote or dash) makes the parser trip over every line after it.
      problems: doc.errors.slice(0, 1).map((e) => {
        const quote = /^Missing closing (["'])quote/.exec(e.message)?.[1];
        if (quote) {
          // The parser notices at the end of the text; the mistake is where the quote was opened.
          const opened = unclosedQuoteBefore(text, e.pos[0], quote);
          return {
            file,
            ...at(opened ?? e.pos[0]),
            message: `This is not valid YAML: the quote (${quote}) opened here is never closed.`,
            hint: `End the text with ${quote} on the same line, or remove the opening ${quote}.`,
          };
        }
        return {
          file,
          ...at(e.pos[0]),
          message: `This is not valid YAML: ${plainYamlError(e.code, e.message)}`,
          hint: "Check the indentation (spaces, not tabs) and that every text containing a colon is in quotes.",
        };
      }),
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

/** Offset of the last quote before `offset` that starts a value and is not closed on its line. */
function unclosedQuoteBefore(text: string, offset: number, quote: string): number | undefined {
  let lineEnd = offset;
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf("\n", lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    const m = new RegExp(`(^|[:\\-\\[,{]\\s*)${quote}`).exec(line);
    if (m && line.split(quote).length % 2 === 0) return lineStart + m.index + m[1]!.length;
    lineEnd = lineStart - 1;
  }
  return undefined;
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

/** The value at a zod issue's path in the parsed YAML (undefined where the path leads nowhere), to tell a
 * missing field from one of the wrong type. */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
