// The storage routes' addresses and the shapes crossing them, shared by the routes and the browser.
// The browser checks the server's answers with the small decoders below rather than with zod: zod's
// object parser probes for eval (Function("")), which the page's CSP forbids, and it would add tens of
// kilobytes to the page. api-schema.ts holds the zod schemas the server uses; api.test.ts proves the
// decoders accept and refuse exactly what the schemas do.

export const STORAGE_API = {
  /** GET: names and sizes of the cookies the request carried (never values). */
  cookies: "/api/storage/cookies",
  /** POST: answers with Clear-Site-Data, so the browser drops everything, HttpOnly cookies included. */
  clearSiteData: "/api/storage/clear-site-data",
  /**
   * POST { names }: expires the named cookies the request carried, HttpOnly ones included, answering per
   * name; names that did not fit in this answer come back in `later`, to be sent again.
   */
  expireCookies: "/api/storage/expire-cookies",
} as const;

/** RFC 6265 cookie-name token characters; also keeps anything header-breaking out of Set-Cookie. */
export const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/;
export const MAX_ECHO_COOKIES = 1000;
/** Names handled in one expire answer at most; the rest are answered as `later`, never dropped. */
export const MAX_EXPIRE_NAMES = 50;
/** Request bodies are tiny JSON; anything larger is refused before it is read in full. */
export const MAX_BODY_BYTES = 4096;

export interface CookieEcho {
  cookies: Array<{ name: string; size: number }>;
}
export interface ExpireResponse {
  /** Expired in every variant this answer could reach. */
  expired: string[];
  /** Not carried by the request: nothing to expire from here (already gone, or another path). */
  notSent: string[];
  /** Not a cookie name (RFC 6265 token), or too long for its expiry writes to fit in one answer. */
  invalid: string[];
  /** Past what one answer may carry (name count or header size): send these again. */
  later: string[];
}
export interface ClearResponse {
  cleared: Array<"cookies" | "storage">;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const hasOnly = (o: Record<string, unknown>, keys: string[]) =>
  Object.keys(o).every((k) => keys.includes(k)) && keys.every((k) => k in o);
const isSize = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

export function decodeCookieEcho(v: unknown): CookieEcho | null {
  if (!isObject(v) || !hasOnly(v, ["cookies"]) || !Array.isArray(v.cookies) || v.cookies.length > MAX_ECHO_COOKIES)
    return null;
  for (const c of v.cookies) {
    if (
      !isObject(c) ||
      !hasOnly(c, ["name", "size"]) ||
      typeof c.name !== "string" ||
      c.name.length > 4096 ||
      !isSize(c.size)
    )
      return null;
  }
  return v as unknown as CookieEcho;
}

export function decodeExpireResponse(v: unknown): ExpireResponse | null {
  const lists = ["expired", "notSent", "invalid", "later"];
  if (!isObject(v) || !hasOnly(v, lists) || !lists.every((k) => isStringList(v[k]))) return null;
  return v as unknown as ExpireResponse;
}

export function decodeClearResponse(v: unknown): ClearResponse | null {
  if (
    !isObject(v) ||
    !hasOnly(v, ["cleared"]) ||
    !Array.isArray(v.cleared) ||
    !v.cleared.every((c) => c === "cookies" || c === "storage")
  )
    return null;
  return v as unknown as ClearResponse;
}
