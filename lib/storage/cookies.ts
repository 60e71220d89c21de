// Reading and deleting cookies from script. A cookie can only be deleted with the same Domain and Path
// it was set with, and script cannot read those back — so deletion writes every variant it can reach.

export interface ScriptCookie {
  name: string;
  value: string;
}

export function parseCookieString(cookie: string): ScriptCookie[] {
  if (!cookie) return [];
  return cookie
    .split(";")
    .map((part) => {
      const eq = part.indexOf("=");
      const rawName = (eq < 0 ? "" : part.slice(0, eq)).trim();
      const rawValue = (eq < 0 ? part : part.slice(eq + 1)).trim();
      return { name: rawName, value: rawValue };
    })
    .filter((c) => c.name !== "" || c.value !== "");
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Domain= values a script on `hostname` may write: the host itself and each parent domain with at
 * least two labels (example.co.uk's parent "co.uk" is a public suffix; the browser ignores a write
 * there, which does no harm). IP addresses and single-label hosts (localhost) only get host-only.
 */
export function cookieDomains(hostname: string): string[] {
  const host = hostname.replace(/\.$/, "").toLowerCase();
  if (!host.includes(".") || IPV4.test(host) || host.includes(":")) return [];
  const labels = host.split(".");
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join("."));
  return out;
}

/** "/" and every parent of the current path ("/en/cookie-policy" → "/", "/en", "/en/cookie-policy"). */
export function cookiePaths(pathname: string): string[] {
  const out = ["/"];
  const parts = pathname.split("/").filter(Boolean);
  for (let i = 1; i <= parts.length; i++) out.push(`/${parts.slice(0, i).join("/")}`);
  return out;
}

/** The Set-Cookie strings (for document.cookie) that expire `name` in every reachable variant. */
export function expiryWrites(
  name: string,
  location: { hostname: string; pathname: string; protocol?: string },
): string[] {
  // Max-Age=0 alone expires a cookie in every browser this site supports; an Expires date would add 40
  // bytes to each of the many variants the server sends (lib/storage/routes.ts keeps them under 4 KB).
  const expire = `${name}=; Max-Age=0`;
  const writes: string[] = [];
  const secure = location.protocol === "https:";
  for (const path of cookiePaths(location.pathname)) {
    writes.push(`${expire}; Path=${path}`);
    for (const domain of cookieDomains(location.hostname)) writes.push(`${expire}; Path=${path}; Domain=${domain}`);
  }
  // __Host- and __Secure- cookies can only be touched with Secure set
  if (secure) return writes.map((w) => `${w}; Secure`);
  return writes;
}

type CookieDoc = { cookie: string };

/** Deletes a cookie from script in every variant; returns whether it is gone from document.cookie. */
export function deleteCookie(
  name: string,
  doc: CookieDoc = document,
  location: { hostname: string; pathname: string; protocol?: string } = window.location,
): boolean {
  try {
    for (const write of expiryWrites(name, location)) doc.cookie = write;
    return !parseCookieString(doc.cookie).some((c) => c.name === name);
  } catch {
    return false; // cookies disabled or blocked: nothing to delete
  }
}

export function readCookies(doc: CookieDoc = document): ScriptCookie[] {
  try {
    return parseCookieString(doc.cookie);
  } catch {
    return [];
  }
}
