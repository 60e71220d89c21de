// Checks shared by the storage routes: is the request from this site's own pages, is its body small,
// and the answers for a refused request. Pure functions over the Fetch API's Request/Response.

export type SameOriginResult = { ok: true } | { ok: false; reason: string };

/**
 * A request counts as same-origin only when the browser says so: Sec-Fetch-Site is "same-origin", and/or
 * Origin names this host. Anything cross-site, or a request carrying neither header (so nothing proves
 * where it came from), is refused.
 */
export function checkSameOrigin(headers: Headers): SameOriginResult {
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  const host = forwardedHost(headers);
  if (site !== null && site !== "same-origin") return { ok: false, reason: `Sec-Fetch-Site is "${site}".` };
  if (origin !== null) {
    if (!host) return { ok: false, reason: "The request names no host." };
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return { ok: false, reason: "The Origin header is not an address." };
    }
    if (originHost !== host) return { ok: false, reason: `Origin ${origin} is not this site.` };
    return { ok: true };
  }
  if (site === "same-origin") return { ok: true };
  return { ok: false, reason: "Neither Sec-Fetch-Site nor Origin shows the request came from this site." };
}

function forwardedHost(headers: Headers): string | null {
  // Behind a proxy the public host is in X-Forwarded-Host; the first entry is the one the browser used.
  const raw = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return raw ? raw.toLowerCase() : null;
}

export type BodyResult = { ok: true; text: string } | { ok: false; response: Response };

/** Reads a request body of at most `max` bytes; a larger one is refused with 413 without reading it all. */
export async function readSmallBody(request: Request, max: number): Promise<BodyResult> {
  const tooLarge = () => ({ ok: false as const, response: jsonError(413, `The request body is larger than ${max} bytes.`) });
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) return tooLarge();
  if (!request.body) return { ok: true, text: "" };
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
  return { ok: true, text: new TextDecoder().decode(all) };
}

export const NO_STORE = "no-store";

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": NO_STORE, ...headers } });
}

/** 405 with the Allow header naming what the route does accept. */
export function methodNotAllowed(allow: readonly string[]): () => Response {
  return () => jsonError(405, `This address accepts ${allow.join(", ")} only.`, { Allow: allow.join(", ") });
}
