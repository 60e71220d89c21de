// With the stylesheets inline (next.config.mjs, `inlineCss`), Next.js writes each one into a prerendered page
// twice: once as the <style> in the <head>, and once more as text in the RSC payload that follows the page
// (a `T` row), which React reads on hydration only to find that stylesheet already in the document. That
// second copy is a fifth of the policy page's bytes (issue 15). dropPayloadStyleCopies() empties it: the
// payload keeps its <style href precedence> element, which React matches by href to the one in the <head>,
// and the page looks and hydrates the same. Client-side navigation is not affected: it reads .rsc files.
//
// The payload is React's Flight format, which Next.js writes as `self.__next_f.push([1, "…"])` scripts.
// Rows are `id:json\n`, or `id:T<hex byte length>,<text>` for long text. Anything this does not
// recognise leaves the page as it is and says why (`skipped`), so a change in Next.js costs bytes, never
// a broken page.

/** The smallest text row taken for a stylesheet copy: shorter ones are not worth the check. */
const MIN_STYLE_LENGTH = 512;

const PUSH = /<script>self\.__next_f\.push\((\[1,"(?:[^"\\]|\\.)*"\])\)<\/script>/g;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;

export interface PayloadStylesResult {
  html: string;
  /** How many copies were emptied, and how many characters of CSS that took out of the payload. */
  dropped: number;
  droppedChars: number;
  /** Why nothing was changed, when the page has inline stylesheets but its payload could not be read. */
  skipped?: string;
}

interface Push {
  /** Where the script is in the HTML. */
  start: number;
  end: number;
  text: string;
  /** Where its text starts in the whole payload. */
  offset: number;
}

/** The page with the payload's copies of its inline stylesheets emptied (see the top of this file). */
export function dropPayloadStyleCopies(html: string): PayloadStylesResult {
  const inlineCss = [...html.matchAll(STYLE)].map((m) => m[1] ?? "").filter((css) => css.length > 0);
  const unchanged = (skipped?: string): PayloadStylesResult => ({ html, dropped: 0, droppedChars: 0, skipped });
  if (inlineCss.length === 0) return unchanged();

  const pushes: Push[] = [];
  let offset = 0;
  for (const m of html.matchAll(PUSH)) {
    const [, text] = JSON.parse(m[1] as string) as [1, string];
    pushes.push({ start: m.index, end: m.index + m[0].length, text, offset });
    offset += text.length;
  }
  if (pushes.length === 0) return unchanged("no RSC payload scripts found");
  const payload = pushes.map((p) => p.text).join("");

  const rows = textRows(payload);
  if (typeof rows === "string") return unchanged(rows);
  const copies = rows.filter(
    (row) => row.length >= MIN_STYLE_LENGTH && inlineCss.some((css) => css.includes(payload.slice(row.start, row.end))),
  );
  // none (yet, or any more: this may run twice): e2e/page-shape.spec.ts checks the policy page's bytes
  if (copies.length === 0) return unchanged();

  // each copy's text goes, and its length becomes 0; applied from the end, so earlier offsets stay right
  const edits = copies.flatMap((row) => [
    { from: row.start, to: row.end, insert: "" },
    { from: row.lengthStart, to: row.lengthEnd, insert: "0" },
  ]);
  edits.sort((x, y) => y.from - x.from);
  const edited = pushes.map((p) => applyEdits(p, edits));

  let out = "";
  let last = 0;
  pushes.forEach((p, i) => {
    out += html.slice(last, p.start);
    out += edited[i] === p.text ? html.slice(p.start, p.end) : pushScript(edited[i] as string);
    last = p.end;
  });
  out += html.slice(last);
  return {
    html: out,
    dropped: copies.length,
    droppedChars: copies.reduce((n, row) => n + row.end - row.start, 0),
  };
}

interface Edit {
  /** A range of the whole payload, and what replaces it. */
  from: number;
  to: number;
  insert: string;
}

/** The text of one payload script after the edits (ranges of the whole payload, which may span scripts),
 * given last first. */
function applyEdits(push: Push, edits: readonly Edit[]): string {
  const end = push.offset + push.text.length;
  let text = push.text;
  for (const e of edits) {
    const from = Math.max(e.from, push.offset);
    const to = Math.min(e.to, end);
    const startsHere = e.from >= push.offset && e.from < end;
    if (from > to || (from === to && !startsHere)) continue;
    text = text.slice(0, from - push.offset) + (startsHere ? e.insert : "") + text.slice(to - push.offset);
  }
  return text;
}

interface TextRow {
  /** The hex byte length after "T", and the text itself, as offsets in the payload. */
  lengthStart: number;
  lengthEnd: number;
  start: number;
  end: number;
  length: number;
}

/** The payload's text rows, or why it could not be read. */
function textRows(payload: string): TextRow[] | string {
  const rows: TextRow[] = [];
  let pos = 0;
  while (pos < payload.length) {
    const colon = payload.indexOf(":", pos);
    if (colon < 0 || !/^[0-9a-f]+$/.test(payload.slice(pos, colon)))
      return `an RSC payload row at ${pos} does not start with an id`;
    const tag = payload[colon + 1];
    const lengthPrefixed = /^[A-Za-z][0-9a-f]+,/.exec(payload.slice(colon + 1, colon + 20));
    if (tag === "T" && lengthPrefixed) {
      const comma = payload.indexOf(",", colon);
      const bytes = Number.parseInt(payload.slice(colon + 2, comma), 16);
      const end = afterBytes(payload, comma + 1, bytes);
      if (end < 0) return `an RSC payload text row at ${pos} is shorter than its length`;
      rows.push({ lengthStart: colon + 2, lengthEnd: comma, start: comma + 1, end, length: end - comma - 1 });
      pos = end;
    } else if (lengthPrefixed && tag !== undefined && !"IEHDWPRX".includes(tag)) {
      return `an RSC payload row of a kind this does not read ("${tag}") at ${pos}`;
    } else {
      const newline = payload.indexOf("\n", colon);
      pos = newline < 0 ? payload.length : newline + 1;
    }
  }
  return rows;
}

/** The offset after `bytes` bytes of UTF-8 starting at `from`, or -1 when the text ends first. */
function afterBytes(text: string, from: number, bytes: number): number {
  let i = from;
  let left = bytes;
  while (left > 0) {
    if (i >= text.length) return -1;
    const code = text.codePointAt(i) as number;
    left -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return left === 0 ? i : -1;
}

/** A payload script as Next.js writes it: the text as a JSON string that cannot end the <script>. */
function pushScript(text: string): string {
  const json = JSON.stringify([1, text])
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script>self.__next_f.push(${json})</script>`;
}
