// Deletes declared items from the browser: cookies in every domain/path variant a script can reach,
// and localStorage / sessionStorage keys, each matched by exact name or registry glob.
import type { ClientItem } from "../registry/client";
import { matchesName } from "../registry/match";
import { deleteCookie, readCookies } from "../storage/cookies";
import { type StorageArea, storageEntries, storageRemove } from "../storage/safe";

export interface BrowserEnv {
  host?: Partial<Record<StorageArea, Storage>>;
  doc?: { cookie: string };
  location?: { hostname: string; pathname: string; protocol?: string };
}

/** Names actually removed, as `storage:name`. HttpOnly cookies are out of a script's reach and skipped. */
export function deleteItems(items: readonly ClientItem[], env: BrowserEnv = {}): string[] {
  const deleted: string[] = [];
  const doc = env.doc ?? (typeof document === "undefined" ? undefined : document);
  const location = env.location ?? (typeof window === "undefined" ? undefined : window.location);
  const cookieItems = items.filter((i) => i.storage === "cookie" && !i.httpOnly);
  if (doc && location && cookieItems.length) {
    for (const { name } of readCookies(doc)) {
      if (cookieItems.some((i) => matchesName(i.name, name)) && !deleted.includes(`cookie:${name}`)) {
        deleteCookie(name, doc, location);
        deleted.push(`cookie:${name}`);
      }
    }
  }
  for (const area of ["localStorage", "sessionStorage"] as const) {
    const patterns = items.filter((i) => i.storage === area);
    if (!patterns.length) continue;
    const host = env.host ?? (typeof window === "undefined" ? {} : undefined);
    for (const [key] of storageEntries(area, host)) {
      if (patterns.some((i) => matchesName(i.name, key)) && storageRemove(area, key, host))
        deleted.push(`${area}:${key}`);
    }
  }
  return deleted;
}
