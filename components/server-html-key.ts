/** Where on globalThis the server keeps the HTML of components/server-html.tsx (shared by both renders). */
export const SERVER_HTML_STORE = Symbol.for("candor.server-html");
