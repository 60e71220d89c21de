// What the storage routes answer. app/api/storage/*/route.ts export these as they are; every method of
// every route runs behind the shared guard (lib/http/guard.ts) first: 405 with Allow, 403 for another
// site, 413 for a body over MAX_BODY_BYTES.
import { guardedRoute, jsonError, NO_STORE } from "../http/guard";
import { type CookieEcho, MAX_BODY_BYTES } from "./api";
import { expireRequestSchema } from "./api-schema";
import { expiryWrites, parseCookieString } from "./cookies";
import { cookieSize } from "./inspect";

/** GET: the names and sizes of the cookies this request carried. Values never leave the server. */
function echo(request: Request): Response {
  const body: CookieEcho = {
    cookies: parseCookieString(request.headers.get("cookie") ?? "").map((c) => ({
      name: c.name,
      size: cookieSize(c.name, c.value),
    })),
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
 * POST { names }: expires the named cookies, in every domain and path variant that reaches this
 * route, so a visitor can delete one HttpOnly cookie without clearing everything. Only names the
 * request actually carried are touched.
 */
function expire(request: Request, body: string): Response {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return jsonError(400, "The request body is not JSON.");
  }
  const parsed = expireRequestSchema.safeParse(json);
  if (!parsed.success) return jsonError(400, 'Send { "names": ["cookie name", …] } with 1 to 50 cookie names.');

  const carried = new Set(parseCookieString(request.headers.get("cookie") ?? "").map((c) => c.name));
  const url = new URL(request.url);
  const hostname = (
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ||
    request.headers.get("host") ||
    url.host
  ).replace(/:\d+$/, "");
  const protocol =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https:" : url.protocol;
  const headers = new Headers({ "Cache-Control": NO_STORE });
  const expired: string[] = [];
  const notSent: string[] = [];
  for (const name of new Set(parsed.data.names)) {
    if (!carried.has(name)) {
      notSent.push(name);
      continue;
    }
    expired.push(name);
    for (const write of expiryWrites(name, { hostname, pathname: url.pathname, protocol }))
      headers.append("Set-Cookie", write);
  }
  return Response.json({ expired, notSent }, { headers });
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
