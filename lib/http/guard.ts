// The checks every API route runs before its own code: the method (405 with Allow), where the request
// comes from (403 for another site), and the body size (413). Pure functions over the Fetch API's
// Request/Response; `guardedRoute` builds a route module's exports from them, so no route can skip one.

import { API_CSP } from "../security/csp";
import { siteUrl } from "../site/url";

export type SameOriginResult = { success: true } | { success: false; reason: string };

/** Longer than any real origin (scheme, a 253-character host, a port): not parsed at all. */
const MAX_ORIGIN_LENGTH = 300;

/**
 * Whether the browser says the request came from a page of this site. Host and X-Forwarded-Host are
 * never consulted: a proxy rewrites them (nginx sends its upstream's name) and anyone can forge them.
 * - Sec-Fetch-Site, when present, decides: only "same-origin" passes. Only the browser sets it (a page's
 *   script cannot), and it compares the page's origin with the address the browser really requested, so
 *   it holds whatever name or proxy the site is reached through.
 * - Without it (browsers before Fetch Metadata), Origin must be the configured public origin (SITE_URL,
 *   scheme and port included).
 * - With neither, nothing proves where the request came from: refused when `requireProof` (a method that
 *   changes something), let through otherwise (GET and HEAD change nothing, and older browsers send
 *   neither header on a same-origin GET).
 */
export function checkSameOrigin(
  headers: Headers,
  { requireProof = true, site }: { requireProof?: boolean; site?: URL } = {},
): SameOriginResult {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    if (fetchSite === "same-origin") return { success: true };
    return { success: false, reason: `Sec-Fetch-Site is "${fetchSite.slice(0, 20)}".` };
  }
  const origin = headers.get("origin");
  if (origin !== null) {
    const publicOrigin = (site ?? siteUrl()).origin;
    if (origin.length > MAX_ORIGIN_LENGTH) return { success: false, reason: "The Origin header is too long." };
    let parsed: string;
    try {
      parsed = new URL(origin).origin;
    } catch {
      return { success: false, reason: "The Origin header is not an address." };
    }
    if (parsed !== publicOrigin)
      return { success: false, reason: `Origin ${parsed} is not this site (${publicOrigin}).` };
    return { success: true };
  }
  if (!requireProof) return { success: true };
  return { success: false, reason: "Neither Sec-Fetch-Site nor Origin shows the request came from this site." };
}

export type BodyResult = { success: true; text: string } | { success: false; response: Response };

/** Reads a request body of at most `max` bytes; a larger one is refused with 413 without reading it all. */
export async function readSmallBody(request: Request, max: number): Promise<BodyResult> {
  // The rest of the body is left unread, and a kept-alive connection would then hold it in front of the
  // client's next request (which hangs): close the connection with the answer (RFC 9110, 15.5.14).
  const tooLarge = () => ({
    success: false as const,
    response: jsonError(413, `The request body is larger than ${max} bytes.`, { Connection: "close" }),
  });
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) return tooLarge();
  if (!request.body) return { success: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { success: true, text: new TextDecoder().decode(all) };
}

export const NO_STORE = "no-store";

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": NO_STORE, ...headers } });
}

/** 405 with the Allow header naming what the route does accept. */
export function methodNotAllowed(allow: readonly string[]): () => Response {
  return () => jsonError(405, `This address accepts ${allow.join(", ")} only.`, { Allow: allow.join(", ") });
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
/** Methods a route can handle; HEAD comes with GET, and OPTIONS (CORS preflight) is always refused. */
export type HandledMethod = Exclude<HttpMethod, "HEAD" | "OPTIONS">;

export interface RoutePolicy {
  /** The methods the route answers. Every other one gets 405 with an Allow header. */
  allow: readonly HandledMethod[];
  /** The largest request body accepted, in bytes; a larger one gets 413 without being read in full. */
  maxBodyBytes: number;
  /**
   * Whether a method that changes something must prove it came from this site (Sec-Fetch-Site or
   * Origin); default true. Only for routes that change nothing a forged request could exploit (the CSP
   * report log): a cross-site request is still refused.
   */
  requireProof?: boolean;
}

export type GuardResult = { success: true; body: string } | { success: false; response: Response };

const SAFE = new Set<string>(["GET", "HEAD"]);

/** "GET, HEAD" for a GET route: what a 405 tells the client it may use instead. */
export function allowHeader(policy: RoutePolicy): string {
  const out: string[] = [];
  for (const m of policy.allow) {
    if (!out.includes(m)) out.push(m);
    if (m === "GET" && !out.includes("HEAD")) out.push("HEAD");
  }
  return out.join(", ");
}

/**
 * The checks, cheapest first: the method (405), the origin (403: Sec-Fetch-Site other than same-origin,
 * an Origin that is not this site, or — for a method that changes something — no proof at all), then
 * the body (413). A refused request never reaches the route's own code, so a refusal can never carry
 * what the route would have sent (Clear-Site-Data, Set-Cookie).
 */
export async function guardRequest(request: Request, policy: RoutePolicy): Promise<GuardResult> {
  const method = request.method.toUpperCase();
  const allow = allowHeader(policy);
  if (!allow.split(", ").includes(method)) return { success: false, response: methodNotAllowed(allow.split(", "))() };
  const origin = checkSameOrigin(request.headers, { requireProof: !SAFE.has(method) && policy.requireProof !== false });
  if (!origin.success)
    return {
      success: false,
      response: jsonError(403, `Refused: this request did not come from this site. ${origin.reason}`),
    };
  const body = await readSmallBody(request, policy.maxBodyBytes);
  if (!body.success) return body;
  return { success: true, body: body.text };
}

/**
 * An API answer is not a page: it gets the policy that lets nothing load, run or frame it, in place of
 * the 404 page's that proxy.ts gives every address (it is also far smaller, which keeps the expire
 * answer's headers under a proxy's buffer). A route that sets its own keeps it.
 */
function withApiCsp(response: Response): Response {
  try {
    if (!response.headers.has("content-security-policy")) response.headers.set("Content-Security-Policy", API_CSP);
  } catch {
    // immutable headers (a Response.redirect): the proxy's policy stands
  }
  return response;
}

export type GuardedHandler = (request: Request, body: string) => Response | Promise<Response>;
export type RouteExports = Record<HttpMethod, (request: Request) => Promise<Response>>;

/**
 * A route module's exports: every HTTP method Next.js routes, each behind guardRequest. Methods without
 * a handler answer 405; HEAD runs the GET handler (the server drops the body).
 * Use: `export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = guardedRoute(policy, { POST })`.
 */
export function guardedRoute(
  policy: RoutePolicy,
  handlers: Partial<Record<HandledMethod, GuardedHandler>>,
): RouteExports {
  for (const m of policy.allow) {
    if (!handlers[m]) throw new Error(`guardedRoute: ${m} is allowed but has no handler.`);
  }
  const run = async (request: Request): Promise<Response> => {
    const guarded = await guardRequest(request, policy);
    if (!guarded.success) return withApiCsp(guarded.response);
    const method = request.method.toUpperCase();
    const handler = handlers[(method === "HEAD" ? "GET" : method) as HandledMethod];
    // unreachable: guardRequest let through only allowed methods, and each has a handler
    if (!handler) return withApiCsp(methodNotAllowed(allowHeader(policy).split(", "))());
    return withApiCsp(await handler(request, guarded.body));
  };
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, run])) as RouteExports;
}
