// The server side of components/server-html.tsx: HTML kept for the render of the page's HTML, under a key
// that the RSC payload carries in its place. Keys are content hashes, so the store is a cache of
// immutable entries: the same text always has the same key, any render may read any entry, and the
// store grows only with the distinct texts of the content (not with requests).
import "server-only";
import { createHash } from "node:crypto";
import { serverHtmlStore } from "./keep-server-html";

/** Keeps `html` on the server for the HTML render; returns the key the payload carries instead. */
export function keepOnServer(html: string): string {
  const key = createHash("sha256").update(html).digest("base64url").slice(0, 12);
  const kept = serverHtmlStore();
  const existing = kept.get(key);
  if (existing !== undefined && existing !== html) throw new Error(`ServerHtml: two texts share the key "${key}"`);
  kept.set(key, html);
  return key;
}
