// What the storage routes answer (app/api/storage/*/route.ts are thin wrappers around these).
import { checkSameOrigin, jsonError, NO_STORE, readSmallBody } from "../http/guard";
import { MAX_BODY_BYTES, expireRequestSchema, type CookieEcho } from "./api";
import { expiryWrites, parseCookieString } from "./cookies";
import { cookieSize } from "./inspect";

function refused(request: Request): Response | null {
  const check = checkSameOrigin(request.headers);
  return check.ok ? null : jsonError(403, `Refused: this request did not come from this site. ${check.reason}`);
}

/** GET: the names and sizes of the cookies this request carried. Values never leave the server. */
export function cookieEcho(request: Request): Response {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return jsonError(403, "Refused: only this site's own pages may ask.");
  const body: CookieEcho = {
    cookies: parseCookieString(request.headers.get("cookie") ?? "").map((c) => ({ name: c.name, size: cookieSize(c.name, c.value) })),
  };
  return Response.json(body, { headers: { "Cache-Control": NO_STORE, Vary: "Cookie" } });
}

/**
 * POST: tells the browser to clear this site's cookies (HttpOnly ones included) and storage. Only for
 * this site's own pages: anything else gets 403 and never the header.
 */
export async function clearSiteData(request: Request): Promise<Response> {
  const no = refused(request);
  if (no) return no;
  const body = await readSmallBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
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
export async function expireCookies(request: Request): Promise<Response> {
  const no = refused(request);
  if (no) return no;
  const body = await readSmallBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return jsonError(400, "The request body is not JSON.");
  }
  const parsed = expireRequestSchema.safeParse(json);
  if (!parsed.success) return jsonError(400, 'Send { "names": ["cookie name", …] } with 1 to 50 cookie names.');

  const carried = new Set(parseCookieString(request.headers.get("cookie") ?? "").map((c) => c.name));
  const url = new URL(request.url);
  const hostname = (request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host).replace(/:\d+$/, "");
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https:" : url.protocol;
  const headers = new Headers({ "Cache-Control": NO_STORE });
  const expired: string[] = [];
  const notSent: string[] = [];
  for (const name of new Set(parsed.data.names)) {
    if (!carried.has(name)) {
      notSent.push(name);
      continue;
    }
    expired.push(name);
    for (const write of expiryWrites(name, { hostname, pathname: url.pathname, protocol })) headers.append("Set-Cookie", write);
  }
  return Response.json({ expired, notSent }, { headers });
}
