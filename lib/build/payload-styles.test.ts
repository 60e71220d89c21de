import { describe, expect, it } from "vitest";
import { dropPayloadStyleCopies } from "./payload-styles";

const CSS = `.policy a[data-external]::after{content:" ↗"}${".x{color:red}".repeat(60)}`;
const bytes = (s: string) => Buffer.byteLength(s, "utf8").toString(16);
const push = (text: string) =>
  `<script>self.__next_f.push(${JSON.stringify([1, text]).replace(/</g, "\\u003c")})</script>`;
const page = (pushes: string[], css = CSS) =>
  `<!DOCTYPE html><html><head><style data-precedence="next" data-href="/a.css">${css}</style></head><body><p>Hi</p>` +
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${pushes.map(push).join("")}</body></html>`;

/** The payload as React reads it: every push's text, in order. */
const payloadOf = (html: string) =>
  [...html.matchAll(/self\.__next_f\.push\((\[1,.*?\])\)<\/script>/g)]
    .map((m) => JSON.parse(m[1] as string)[1])
    .join("");

describe("dropPayloadStyleCopies", () => {
  it("empties the payload's copy of an inline stylesheet and leaves everything else as it was", () => {
    const rows = `1:"$Sreact.fragment"\n7:T${bytes(CSS)},${CSS}0:["$","style",null,{"href":"/a.css","precedence":"next","children":"$7"}]\n`;
    const result = dropPayloadStyleCopies(page([rows]));
    expect(result).toMatchObject({ dropped: 1, droppedChars: CSS.length });
    expect(result.skipped).toBeUndefined();
    expect(payloadOf(result.html)).toBe(
      `1:"$Sreact.fragment"\n7:T0,0:["$","style",null,{"href":"/a.css","precedence":"next","children":"$7"}]\n`,
    );
    // the stylesheet in the head stays
    expect(result.html).toContain(`<style data-precedence="next" data-href="/a.css">${CSS}</style>`);
  });

  it("reads the row's length in UTF-8 bytes, and follows a row across the scripts it is split into", () => {
    const after = `8:T${bytes("héllo")},héllo0:["$7","$8"]\n`;
    const whole = `7:T${bytes(CSS)},${CSS}${after}`;
    const cut1 = 5;
    const cut2 = 40 + whole.indexOf(",");
    const html = page([whole.slice(0, cut1), whole.slice(cut1, cut2), whole.slice(cut2)]);
    const result = dropPayloadStyleCopies(html);
    expect(result.skipped).toBeUndefined();
    expect(result.dropped).toBe(1);
    expect(payloadOf(result.html)).toBe(`7:T0,${after}`);
    // the short text row after it is not CSS: kept, with its multi-byte character
    expect(payloadOf(result.html)).toContain("héllo");
  });

  it("keeps text rows that are not one of the page's stylesheets", () => {
    const prose = "A long paragraph of policy text. ".repeat(40);
    const html = page([`7:T${bytes(prose)},${prose}0:"$7"\n`]);
    expect(dropPayloadStyleCopies(html)).toEqual({ html, dropped: 0, droppedChars: 0, skipped: undefined });
  });

  it("changes nothing, and says why, when the payload is not in a form it reads", () => {
    const html = page([`not a row`]);
    expect(dropPayloadStyleCopies(html)).toMatchObject({ html, dropped: 0, skipped: expect.stringMatching(/id/) });
    const short = page([`7:T${(Buffer.byteLength(CSS) + 10).toString(16)},${CSS}`]);
    expect(dropPayloadStyleCopies(short)).toMatchObject({ html: short, skipped: expect.stringMatching(/shorter/) });
    const typed = page([`3:A10,${"x".repeat(16)}7:T${bytes(CSS)},${CSS}`]);
    expect(dropPayloadStyleCopies(typed)).toMatchObject({ html: typed, skipped: expect.stringMatching(/kind/) });
  });

  it("does nothing the second time", () => {
    const once = dropPayloadStyleCopies(page([`7:T${bytes(CSS)},${CSS}0:"$7"\n`])).html;
    expect(dropPayloadStyleCopies(once)).toEqual({ html: once, dropped: 0, droppedChars: 0, skipped: undefined });
  });

  it("leaves a page without inline stylesheets alone", () => {
    const html = "<!DOCTYPE html><html><head></head><body>404</body></html>";
    expect(dropPayloadStyleCopies(html)).toEqual({ html, dropped: 0, droppedChars: 0, skipped: undefined });
  });
});
