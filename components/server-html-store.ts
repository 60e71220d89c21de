// The server side of components/server-html.tsx: HTML kept for the render of the page's HTML, under a key
// that the RSC payload carries in its place. Keys are content hashes, so the store is a cache of
// immutable entries: the same text always has the same key, any render may read any entry, and the
// store grows only with the distinct texts of the content (not with requests).
import "server-only";
import { createHash } from "node:crypto";
import { SERVER_HTML_STORE } from "./server-html-key";

type Store = Map<string, string>;

function store(): Store {
  // on globalThis: the server components and the HTML render load their own copies of this module
  const holder = globalThis as { [SERVER_HTML_STORE]?: Store };
  holder[SERVER_HTML_STORE] ??= new Map();
  return holder[SERVER_HTML_STORE];
}

/** Keeps `html` on the server for the HTML render; returns the key the payload carries instead. */
export function keepOnServer(html: string): string {
  const key = createHash("sha256").update(html).digest("base64url").slice(0, 12);
  const kept = store();
  const existing = kept.get(key);
  if (existing !== undefined && existing !== html) throw new Error(`ServerHtml: two texts share the key "${key}"`);
  kept.set(key, html);
  return key;
}
