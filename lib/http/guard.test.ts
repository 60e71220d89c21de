import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { API_CSP } from "../security/csp";
import { allowHeader, guardedRoute, guardRequest, HTTP_METHODS, type RoutePolicy } from "./guard";

const HOST = "www.candor.test:3000";
const ORIGIN = `http://${HOST}`;
beforeEach(() => vi.stubEnv("SITE_URL", ORIGIN));
afterEach(() => vi.unstubAllEnvs());
const sameOrigin = { "sec-fetch-site": "same-origin", origin: ORIGIN };
const request = (method: string, headers: Record<string, string> = {}, body?: BodyInit) =>
  new Request(`${ORIGIN}/api/x`, {
    method,
    headers: { host: HOST, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

const post: RoutePolicy = { allow: ["POST"], maxBodyBytes: 100 };
const get: RoutePolicy = { allow: ["GET"], maxBodyBytes: 100 };

/** A body that records whether anyone read it. */
function watchedStream(bytes: number) {
  const seen = { pulled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        seen.pulled = true;
        c.enqueue(new Uint8Array(bytes));
        c.close();
      },
    },
    { highWaterMark: 0 }, // pulled only when someone reads
  );
  return { stream, seen };
}

describe("the method check", () => {
  it("answers every method the route does not allow with 405 and an Allow header", async () => {
    for (const method of ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const r = await guardRequest(request(method, sameOrigin), post);
      expect(r.success, method).toBe(false);
      if (r.success) continue;
      expect(r.response.status, method).toBe(405);
      expect(r.response.headers.get("allow"), method).toBe("POST");
    }
  });

  it("lets HEAD through with GET, and names both in Allow", async () => {
    expect(allowHeader(get)).toBe("GET, HEAD");
    expect((await guardRequest(request("HEAD", sameOrigin), get)).success).toBe(true);
    const r = await guardRequest(request("POST", sameOrigin, "{}"), get);
    expect(r.success ? null : [r.response.status, r.response.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
  });

  it("refuses a wrong method before anything else: a cross-site PUT is 405, not 403", async () => {
    const r = await guardRequest(request("PUT", { "sec-fetch-site": "cross-site" }), post);
    expect(r.success ? 200 : r.response.status).toBe(405);
  });
});

describe("the origin check", () => {
  it("refuses another site, a sibling subdomain, a typed address and a foreign or opaque Origin with 403, for GET as for POST", async () => {
    const foreign: Array<Record<string, string>> = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://app.candor.test:3000" },
      { "sec-fetch-site": "none" },
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://www.candor.test:4000" },
      { origin: "https://www.candor.test:3000" },
      { origin: `http://${"a".repeat(5000)}.test` },
    ];
    for (const headers of foreign) {
      for (const [method, policy] of [
        ["GET", get],
        ["POST", post],
      ] as const) {
        const r = await guardRequest(request(method, headers, method === "POST" ? "{}" : undefined), policy);
        expect(r.success ? 200 : r.response.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
  });

  it("asks a POST for proof it came from this site; a GET without either header is let through", async () => {
    const r = await guardRequest(request("POST", {}, "{}"), post);
    expect(r.success ? 200 : r.response.status).toBe(403);
    expect((await guardRequest(request("GET"), get)).success).toBe(true);
    expect((await guardRequest(request("POST", { origin: ORIGIN }, "{}"), post)).success).toBe(true);
    expect((await guardRequest(request("POST", { "sec-fetch-site": "same-origin" }, "{}"), post)).success).toBe(true);
  });

  it("decides from SITE_URL and Sec-Fetch-Site behind a proxy that rewrites Host, never from Host or X-Forwarded-Host", async () => {
    vi.stubEnv("SITE_URL", "https://www.candor.test");
    const behindProxy = (headers: Record<string, string>) =>
      new Request("http://127.0.0.1:3000/api/x", {
        method: "POST",
        headers: { host: "127.0.0.1:3000", ...headers },
        body: "{}",
      });
    // nginx's defaults: Host is the upstream, no X-Forwarded-Host
    expect((await guardRequest(behindProxy({ origin: "https://www.candor.test" }), post)).success).toBe(true);
    expect((await guardRequest(behindProxy({ "sec-fetch-site": "same-origin" }), post)).success).toBe(true);
    // the scheme counts: the site is https
    expect((await guardRequest(behindProxy({ origin: "http://www.candor.test" }), post)).success).toBe(false);
    // headers that agree with a foreign Origin do not make it this site
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" };
    expect((await guardRequest(behindProxy(forged), post)).success).toBe(false);
  });

  it("trusts Sec-Fetch-Site, which only the browser sets, whatever name the site is reached by", async () => {
    // a browser on another name of this server (an alias, the e2e's www.candor.test) says same-origin truly
    const alias = new Request("http://alias.test/api/x", {
      method: "POST",
      headers: { "sec-fetch-site": "same-origin", origin: "http://alias.test" },
      body: "{}",
    });
    expect((await guardRequest(alias, post)).success).toBe(true);
  });

  it("refuses a cross-site request without reading its body", async () => {
    const { stream, seen } = watchedStream(10);
    const r = await guardRequest(request("POST", { "sec-fetch-site": "cross-site" }, stream), post);
    expect(r.success ? 200 : r.response.status).toBe(403);
    expect(seen.pulled).toBe(false);
  });
});

describe("the body check", () => {
  it("passes a body up to the limit on to the route", async () => {
    const r = await guardRequest(request("POST", sameOrigin, "x".repeat(100)), post);
    expect(r).toEqual({ success: true, body: "x".repeat(100) });
  });

  it("refuses a larger body with 413, whether its length is declared or streamed", async () => {
    const declared = await guardRequest(
      request("POST", { ...sameOrigin, "content-length": "101" }, "x".repeat(101)),
      post,
    );
    expect(declared.success ? 200 : declared.response.status).toBe(413);
    const { stream } = watchedStream(101);
    const streamed = await guardRequest(request("POST", sameOrigin, stream), post);
    expect(streamed.success ? 200 : streamed.response.status).toBe(413);
    // the unread rest must not sit in front of the next request on a kept-alive connection
    for (const r of [declared, streamed]) expect(r.success ? null : r.response.headers.get("connection")).toBe("close");
  });

  it("refuses a declared oversize body without reading it", async () => {
    const { stream, seen } = watchedStream(10);
    const r = await guardRequest(request("POST", { ...sameOrigin, "content-length": "5000" }, stream), post);
    expect(r.success ? 200 : r.response.status).toBe(413);
    expect(seen.pulled).toBe(false);
  });
});

describe("a guarded route", () => {
  it("exports every method, and the handler runs only for a request that passed every check", async () => {
    const handler = vi.fn((_r: Request, body: string) =>
      Response.json({ got: body }, { headers: { "Clear-Site-Data": '"cookies"' } }),
    );
    const route = guardedRoute(post, { POST: handler });
    expect(Object.keys(route).sort()).toEqual([...HTTP_METHODS].sort());

    const refused = [
      await route.GET(request("GET", sameOrigin)),
      await route.POST(request("POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, "{}")),
      await route.POST(request("POST", sameOrigin, "x".repeat(101))),
    ];
    expect(refused.map((r) => r.status)).toEqual([405, 403, 413]);
    for (const r of refused) {
      expect(r.headers.get("clear-site-data")).toBeNull();
      expect(r.headers.get("cache-control")).toBe("no-store");
    }
    expect(handler).not.toHaveBeenCalled();

    const ok = await route.POST(request("POST", sameOrigin, '{"a":1}'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ got: '{"a":1}' });
  });

  it("answers HEAD with the GET handler", async () => {
    const route = guardedRoute(get, { GET: () => new Response("hello") });
    const res = await route.HEAD(request("HEAD", { "sec-fetch-site": "same-origin" }));
    expect(res.status).toBe(200);
  });

  it("will not build a route that allows a method it has no handler for", () => {
    expect(() => guardedRoute({ allow: ["POST", "DELETE"], maxBodyBytes: 10 }, { POST: () => new Response() })).toThrow(
      "DELETE is allowed but has no handler",
    );
  });

  it("gives every answer, refused or not, the API's own CSP unless the route set one", async () => {
    const route = guardedRoute(post, { POST: () => Response.json({}) });
    for (const res of [
      await route.POST(request("POST", sameOrigin, "{}")),
      await route.POST(request("POST", { "sec-fetch-site": "cross-site" }, "{}")),
      await route.GET(request("GET", sameOrigin)),
    ])
      expect(res.headers.get("content-security-policy")).toBe(API_CSP);
    const own = guardedRoute(post, {
      POST: () => new Response(null, { headers: { "Content-Security-Policy": "default-src 'self'" } }),
    });
    expect((await own.POST(request("POST", sameOrigin, "{}"))).headers.get("content-security-policy")).toBe(
      "default-src 'self'",
    );
  });

  it("asks no proof of origin of a route that says so, but still refuses another site", async () => {
    const reports = guardedRoute({ ...post, requireProof: false }, { POST: () => new Response(null, { status: 204 }) });
    expect((await reports.POST(request("POST", {}, "{}"))).status).toBe(204);
    expect((await reports.POST(request("POST", { "sec-fetch-site": "cross-site" }, "{}"))).status).toBe(403);
    expect((await reports.POST(request("POST", { origin: "https://evil.example" }, "{}"))).status).toBe(403);
  });
});
