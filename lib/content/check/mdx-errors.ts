// Turns the MDX parser's messages ("Unexpected character `4` (U+0034) before name …") into plain
// words for the legal team, placed at the line where the mistake starts.
import type { ContentProblem } from "../problems";

export interface MdxParseError {
  reason?: string;
  ruleId?: string | null;
  source?: string | null;
  line?: number | null;
  column?: number | null;
}

export function isMdxParseError(e: unknown): e is MdxParseError {
  return typeof e === "object" && e !== null && typeof (e as MdxParseError).reason === "string" && "ruleId" in e;
}

/** "(3:1-3:10)" in a reason: where the tag it talks about starts. */
function placeIn(reason: string): { line: number; column: number } | undefined {
  const m = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

function tagIn(reason: string, closing: boolean): string | undefined {
  const m = (closing ? /`<\/([^>`]*)>`/ : /`<([^/>`][^>`]*)>`/).exec(reason);
  return m?.[1];
}

/** Line and column of the last match of `re` at or before (line, column). */
function lastBefore(
  text: string,
  line: number,
  column: number,
  re: RegExp,
): { line: number; column: number } | undefined {
  const lines = text.split("\n");
  for (let l = Math.min(line, lines.length); l >= 1; l--) {
    const content = l === line ? (lines[l - 1] ?? "").slice(0, Math.max(0, column - 1)) : (lines[l - 1] ?? "");
    let found: number | undefined;
    for (const m of content.matchAll(new RegExp(re.source, "g"))) found = m.index;
    if (found !== undefined) return { line: l, column: found + 1 };
  }
  return undefined;
}

// One case per kind of MDX syntax error, each a few lines: a lookup table would need a function per row.
export function mdxErrorProblem(error: MdxParseError, file: string, text: string): ContentProblem {
  const reason = error.reason ?? "";
  const at = { line: error.line ?? 1, column: error.column ?? 1 };
  const problem = (where: { line: number; column: number }, message: string, hint?: string): ContentProblem => ({
    file,
    ...where,
    message,
    ...(hint ? { hint } : {}),
  });

  if (error.ruleId === "end-tag-mismatch") {
    const opened = tagIn(reason, false);
    const closed = tagIn(reason, true);
    const openedAt = placeIn(reason);
    if (closed && opened)
      return problem(
        at,
        `</${closed}> closes a component that is not open here: <${opened}> (line ${openedAt?.line ?? "?"}) must be closed first.`,
        `Write </${opened}> before </${closed}>, or check the spelling of both tags.`,
      );
    if (opened)
      return problem(
        openedAt ?? at,
        `<${opened}> is opened here but never closed.`,
        `Add </${opened.split(" ")[0]}> on its own line after the text it wraps, with an empty line before it. If it wraps nothing, write it as <${opened.split(" ")[0]} … />.`,
      );
  }
  if (error.ruleId === "unexpected-closing-slash")
    return problem(
      at,
      "This closing tag closes a component that was never opened.",
      "Remove it, or add the opening tag before the text it should wrap.",
    );
  if (error.ruleId === "unexpected-attribute" || error.ruleId === "unexpected-self-closing-slash")
    return problem(
      at,
      "A closing tag cannot have settings.",
      "Write only the name in a closing tag, for example </Callout>.",
    );
  if (error.ruleId === "unexpected-lazy")
    return problem(
      at,
      "A component inside a quote or list must stay inside it.",
      "Put the component on its own lines, outside the quote or list.",
    );

  if (error.source === "micromark-extension-mdx-jsx" || error.source === "mdast-util-mdx-jsx") {
    if (reason.includes("to create a comment"))
      return problem(
        lastBefore(text, at.line, at.column, /</) ?? at,
        "HTML comments <!-- … --> cannot be used in the policy.",
        "Write a note to yourselves as {/* your note */}; it does not appear on the page.",
      );
    if (reason.includes("to create a link"))
      return problem(
        lastBefore(text, at.line, at.column, /</) ?? at,
        "A web or e-mail address in angle brackets <…> cannot be used.",
        "Write a link as [text](https://example.com); an e-mail address as [legal@example.com](mailto:legal@example.com).",
      );
    if (reason.includes("before attribute value"))
      return problem(
        at,
        "The value of a setting must be written in double quotes.",
        'For example: category="analytics"',
      );
    if (reason.includes("closing quote"))
      return problem(
        lastBefore(text, at.line, at.column, /="[^"]*$/) ?? at,
        'The value of this setting has no closing quote (").',
        'Close the value with a " before the end of the tag, for example category="analytics".',
      );
    if (reason.startsWith("Unexpected end of file"))
      return problem(
        lastBefore(text, at.line, at.column, /<[A-Za-z]/) ?? at,
        "This component tag is never finished: its closing > is missing.",
        "End the tag with > (or with /> when it wraps nothing).",
      );
    if (reason.includes("before name"))
      return problem(
        lastBefore(text, at.line, at.column, /</) ?? at,
        'A "<" here starts a component, but no component name follows.',
        'To write a less-than sign in the text, write \\< instead. A component looks like <Name setting="value" />.',
      );
    return problem(
      at,
      "This tag is not written correctly.",
      'A component looks like <Name setting="value" /> or <Name>…</Name>. To write a "<" in the text, write \\<.',
    );
  }

  if (error.source === "micromark-extension-mdx-expression" || error.ruleId === "acorn") {
    if (reason.includes("closing brace"))
      return problem(
        lastBefore(text, at.line, at.column, /\{/) ?? at,
        'A "{" is never closed.',
        "Curly braces are kept for notes {/* … */}. To write a brace in the text, write \\{ and \\}.",
      );
    return problem(
      lastBefore(text, at.line, at.column + 1, /\{/) ?? at,
      "The text in curly braces { } cannot be used here.",
      "Curly braces are kept for notes {/* … */}. To write a brace in the text, write \\{ and \\}.",
    );
  }

  return problem(at, `This part of the file could not be read: ${reason.replace(/\s*\(\d+:\d+-\d+:\d+\)/, "")}`);
}
