// What the server render and the browser share about HTML that React is to leave as the server sent it
// (components/server-html.tsx, components/deferred-island.tsx).

/**
 * The dangerouslySetInnerHTML that keeps the server's HTML: React does not touch the inside of such an
 * element while hydrating, nor on later renders while the string stays the same.
 */
export const KEEP_SERVER_HTML = { __html: "" };

const STORE = Symbol.for("candor.server-html");

/**
 * The HTML the server keeps for the render of the page's HTML (components/server-html-store.ts), by key.
 * On globalThis: the server components and the HTML render load their own copies of every module.
 */
export function serverHtmlStore(): Map<string, string> {
  const holder = globalThis as { [STORE]?: Map<string, string> };
  holder[STORE] ??= new Map();
  return holder[STORE];
}
