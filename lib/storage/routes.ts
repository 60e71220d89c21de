// What the storage routes answer. app/api/storage/*/route.ts export these as they are; every method of
// every route runs behind the shared guard (lib/http/guard.ts) first: 405 with Allow, 403 for another
// site, 413 for a body over MAX_BODY_BYTES.
import { guardedRoute, jsonError, NO_STORE } from "../http/guard";
import { publicHostname, siteUrl } from "../site/url";
import {
  COOKIE_NAME,
  type CookieEcho,
  type ExpireResponse,
  MAX_BODY_BYTES,
  MAX_ECHO_COOKIES,
  MAX_EXPIRE_NAMES,
  STORAGE_API,
} from "./api";
import { expireRequestSchema } from "./api-schema";
import { expiryWrites, parseCookieString } from "./cookies";
import { cookieSize } from "./inspect";

/** GET: the names and sizes of the cookies this request carried. Values never leave the server. */
function echo(request: Request): Response {
  const body: CookieEcho = {
    // The Cookie header is bounded by the server's header limit; the answer by what the browser decodes.
    cookies: parseCookieString(request.headers.get("cookie") ?? "")
      .slice(0, MAX_ECHO_COOKIES)
      .map((c) => ({ name: c.name, size: cookieSize(c.name, c.value) })),
  };
  return Response.json(body, { headers: { "Cache-Control": NO_STORE, Vary: "Cookie" } });
}

/**
 * POST: tells the browser to clear this site's cookies (HttpOnly ones included) and storage. Only for
 * this site's own pages: anything else is refused by the guard (403) and never gets the header.
 */
function clear(): Response {
  return Response.json(
    { cleared: ["cookies", "storage"] },
    { headers: { "Clear-Site-Data": '"cookies", "storage"', "Cache-Control": NO_STORE } },
  );
}

/**
 * The bytes of Set-Cookie one expire answer may carry. nginx reads a proxied answer's headers into one
 * proxy_buffer_size buffer (4 KB by default) and fails with 502 when they do not fit; the rest of the
 * answer's headers (security headers, the CSP, Vary, Date…) take about 1.5 KB.
 */
export const SET_COOKIE_BUDGET = 2400;

const headerBytes = (value: string) => "Set-Cookie: ".length + value.length + 2;

/**
 * POST { names }: expires the named cookies, in every domain and path variant that reaches this route,
 * so a visitor can delete one HttpOnly cookie without clearing everything. Only names the request
 * actually carried are touched, and each name gets its own answer: one that is not a cookie name is
 * `invalid` without failing the others; names past MAX_EXPIRE_NAMES or past what fits in the header
 * budget come back as `later`, for the browser to send again.
 *
 * The Domain= values come from configuration (SITE_URL), or from a Host that is strictly that host or a
 * direct subdomain of it: never from X-Forwarded-Host or a Host as sent, so no header can make the answer
 * large, slow, or carry an attribute of its own.
 */
function expire(request: Request, body: string): Response {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return jsonError(400, "The request body is not JSON.");
  }
  const parsed = expireRequestSchema.safeParse(json);
  if (!parsed.success) return jsonError(400, 'Send { "names": ["cookie name", …] } with at least one name.');

  const site = siteUrl();
  const location = {
    hostname: publicHostname(request.headers.get("host"), site),
    pathname: STORAGE_API.expireCookies,
    protocol: site.protocol,
  };
  const carried = new Set(parseCookieString(request.headers.get("cookie") ?? "").map((c) => c.name));
  const headers = new Headers({ "Cache-Control": NO_STORE });
  const answer: ExpireResponse = { expired: [], notSent: [], invalid: [], later: [] };
  let budget = SET_COOKIE_BUDGET;
  let handled = 0;
  for (const name of new Set(parsed.data.names)) {
    if (!COOKIE_NAME.test(name)) {
      answer.invalid.push(name);
      continue;
    }
    if (!carried.has(name)) {
      answer.notSent.push(name);
      continue;
    }
    if (handled >= MAX_EXPIRE_NAMES) {
      answer.later.push(name);
      continue;
    }
    const writes = expiryWrites(name, location);
    const bytes = writes.reduce((n, w) => n + headerBytes(w), 0);
    if (bytes > SET_COOKIE_BUDGET) answer.invalid.push(name);
    else if (bytes > budget) answer.later.push(name);
    else {
      budget -= bytes;
      handled++;
      answer.expired.push(name);
      for (const write of writes) headers.append("Set-Cookie", write);
    }
  }
  return Response.json(answer, { headers });
}

/** Each route's module exports: every method, guarded. */
export const storageRoutes = {
  cookies: guardedRoute({ allow: ["GET"], maxBodyBytes: MAX_BODY_BYTES }, { GET: echo }),
  clearSiteData: guardedRoute({ allow: ["POST"], maxBodyBytes: MAX_BODY_BYTES }, { POST: clear }),
  expireCookies: guardedRoute({ allow: ["POST"], maxBodyBytes: MAX_BODY_BYTES }, { POST: expire }),
};

export const cookieEcho = storageRoutes.cookies.GET;
export const clearSiteData = storageRoutes.clearSiteData.POST;
export const expireCookies = storageRoutes.expireCookies.POST;
