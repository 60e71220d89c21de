import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkSameOrigin, readSmallBody } from "../http/guard";
import { type ExpireResponse, MAX_BODY_BYTES, MAX_EXPIRE_NAMES } from "./api";
import { clearSiteData, cookieEcho, expireCookies, SET_COOKIE_BUDGET } from "./routes";

const HOST = "www.candor.test:3000";
beforeEach(() => vi.stubEnv("SITE_URL", `http://${HOST}`));
afterEach(() => vi.unstubAllEnvs());
const req = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`http://${HOST}${path}`, { ...init, headers: { host: HOST, ...init.headers } });
const sameOrigin = { "sec-fetch-site": "same-origin", origin: `http://${HOST}` };

describe("same-origin check", () => {
  it("accepts Sec-Fetch-Site same-origin, or (without it) an Origin that is the configured site", () => {
    expect(checkSameOrigin(new Headers({ host: HOST, ...sameOrigin }))).toEqual({ success: true });
    expect(checkSameOrigin(new Headers({ host: HOST, origin: `http://${HOST}` }))).toEqual({ success: true });
    expect(checkSameOrigin(new Headers({ host: HOST, "sec-fetch-site": "same-origin" }))).toEqual({ success: true });
  });

  it("refuses cross-site, same-site, a foreign or opaque Origin, and a request that proves nothing", () => {
    const cases: Array<Record<string, string>> = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: "http://app.candor.test:3000" },
      { "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { origin: "null" },
      // the configured site is http on port 3000: another scheme or port is another origin
      { origin: "https://www.candor.test:3000" },
      { origin: "http://www.candor.test:4000" },
      {},
    ];
    for (const headers of cases) {
      expect(checkSameOrigin(new Headers({ host: HOST, ...headers })).success, JSON.stringify(headers)).toBe(false);
    }
  });

  it("decides from SITE_URL, not from Host or X-Forwarded-Host", () => {
    // nginx's default: Host is the upstream's name and there is no X-Forwarded-Host
    expect(checkSameOrigin(new Headers({ host: "127.0.0.1:3000", origin: `http://${HOST}` })).success).toBe(true);
    // a forged Host or X-Forwarded-Host that agrees with a foreign Origin proves nothing
    const forgeries: Array<Record<string, string>> = [{ host: "evil.example" }, { "x-forwarded-host": "evil.example" }];
    for (const forged of forgeries)
      expect(checkSameOrigin(new Headers({ ...forged, origin: "http://evil.example" })).success).toBe(false);
  });
});

describe("POST /api/storage/clear-site-data", () => {
  it("answers a same-origin POST with Clear-Site-Data for cookies and storage", async () => {
    const res = await clearSiteData(
      req("/api/storage/clear-site-data", { method: "POST", headers: sameOrigin, body: "{}" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("clear-site-data")).toBe('"cookies", "storage"');
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a cross-site POST with 403 and never sends the header", async () => {
    const res = await clearSiteData(
      req("/api/storage/clear-site-data", {
        method: "POST",
        headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("clear-site-data")).toBeNull();
  });

  it("refuses an oversize body with 413, declared or not", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    const declared = await clearSiteData(
      req("/api/storage/clear-site-data", {
        method: "POST",
        headers: { ...sameOrigin, "content-length": String(big.length) },
        body: big,
      }),
    );
    expect(declared.status).toBe(413);
    expect(declared.headers.get("clear-site-data")).toBeNull();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(1000));
        c.close();
      },
    });
    const streamed = await readSmallBody(
      new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit),
      MAX_BODY_BYTES,
    );
    expect(streamed.success).toBe(false);
  });
});

describe("GET /api/storage/cookies", () => {
  it("returns the names and sizes of the cookies the request carried, never their values", async () => {
    const res = await cookieEcho(
      req("/api/storage/cookies", {
        headers: { cookie: "ims_auth=secret-token; _ga=GA1.1.2", "sec-fetch-site": "same-origin" },
      }),
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(text).not.toContain("secret-token");
    expect(JSON.parse(text)).toEqual({
      cookies: [
        { name: "ims_auth", size: 8 + 12 },
        { name: "_ga", size: 3 + 7 },
      ],
    });
  });

  it("refuses another site's page", async () => {
    expect(
      (await cookieEcho(req("/api/storage/cookies", { headers: { "sec-fetch-site": "cross-site" } }))).status,
    ).toBe(403);
    expect(
      (await cookieEcho(req("/api/storage/cookies", { headers: { origin: "https://evil.example" } }))).status,
    ).toBe(403);
  });
});

describe("POST /api/storage/expire-cookies", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    expireCookies(
      req("/api/storage/expire-cookies", {
        method: "POST",
        headers: { ...sameOrigin, "content-type": "application/json", ...headers },
        body,
      }),
    );

  it("expires named cookies the request carried, in every domain and path variant, and leaves others alone", async () => {
    const res = await post(JSON.stringify({ names: ["ims_auth", "not_here"] }), { cookie: "ims_auth=1; other=2" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ expired: ["ims_auth"], notSent: ["not_here"], invalid: [], later: [] });
    const setCookies = res.headers.getSetCookie();
    expect(setCookies.every((c) => c.startsWith("ims_auth=; Max-Age=0"))).toBe(true);
    expect(setCookies).toContain("ims_auth=; Max-Age=0; Path=/");
    expect(setCookies).toContain("ims_auth=; Max-Age=0; Path=/; Domain=candor.test");
    expect(setCookies.some((c) => c.includes("Path=/api/storage"))).toBe(true);
  });

  it("rejects a body that is not a list of names", async () => {
    expect((await post("not json")).status).toBe(400);
    expect((await post(JSON.stringify({ names: [] }))).status).toBe(400);
    expect((await post(JSON.stringify({ names: [1] }))).status).toBe(400);
    expect((await post(JSON.stringify({ names: ["a"], more: 1 }))).status).toBe(400);
  });

  it("answers per name: one that is not a cookie name fails alone, and never reaches a header", async () => {
    const res = await post(JSON.stringify({ names: ["a\r\nSet-Cookie: x=1", "ims_auth", "a b", "x".repeat(257)] }), {
      cookie: "ims_auth=1",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      expired: ["ims_auth"],
      notSent: [],
      invalid: ["a\r\nSet-Cookie: x=1", "a b", "x".repeat(257)],
      later: [],
    });
    expect(res.headers.getSetCookie().every((c) => c.startsWith("ims_auth=;"))).toBe(true);
  });

  it("answers the names past what one answer may carry as later, never dropping one", async () => {
    const names = Array.from({ length: MAX_EXPIRE_NAMES + 20 }, (_, i) => `c${i}`);
    const res = await post(JSON.stringify({ names }), { cookie: names.map((n) => `${n}=1`).join("; ") });
    const body: ExpireResponse = await res.json();
    expect(body.expired.length).toBeGreaterThan(0);
    expect([...body.expired, ...body.later].sort()).toEqual([...names].sort());
    const bytes = res.headers.getSetCookie().reduce((n, c) => n + "Set-Cookie: ".length + c.length + 2, 0);
    expect(bytes).toBeLessThanOrEqual(SET_COOKIE_BUDGET);
  });

  it("takes Domain= from SITE_URL, whatever Host and X-Forwarded-Host say, and keeps the answer small", async () => {
    vi.stubEnv("SITE_URL", "https://www.imsupporting.com");
    const hostile: Array<Record<string, string>> = [
      { "x-forwarded-host": `${"a.".repeat(1500)}example.com` },
      { host: `${"a.".repeat(120)}imsupporting.com` },
      { host: "x.com; SameSite=None" },
      { "x-forwarded-host": "x.com; SameSite=None" },
      { host: "evil.example" },
      { host: "www.imsupporting.com.evil.example" },
      { host: "a.b.www.imsupporting.com" },
      { host: "-bad.www.imsupporting.com" },
    ];
    for (const headers of hostile) {
      const res = await post(JSON.stringify({ names: ["ims_auth", "_x"] }), { cookie: "ims_auth=1; _x=2", ...headers });
      const label = JSON.stringify(headers).slice(0, 80);
      expect(res.status, label).toBe(200);
      const setCookies = res.headers.getSetCookie();
      const domains = new Set(setCookies.map((c) => /Domain=([^;]*)/.exec(c)?.[1]).filter(Boolean));
      expect([...domains].sort(), label).toEqual(["imsupporting.com", "www.imsupporting.com"]);
      expect(
        setCookies.every((c) => c.endsWith("; Secure")),
        label,
      ).toBe(true);
      expect(setCookies.join("").length, label).toBeLessThan(SET_COOKIE_BUDGET);
    }
  });

  it("believes a Host that is a direct subdomain of the configured host", async () => {
    vi.stubEnv("SITE_URL", "https://imsupporting.com");
    const res = await post(JSON.stringify({ names: ["ims_auth"] }), {
      cookie: "ims_auth=1",
      host: "www.imsupporting.com",
    });
    const domains = new Set(res.headers.getSetCookie().map((c) => /Domain=([^;]*)/.exec(c)?.[1]));
    expect(domains).toEqual(new Set([undefined, "www.imsupporting.com", "imsupporting.com"]));
  });

  it("refuses cross-site requests", async () => {
    const res = await expireCookies(
      req("/api/storage/expire-cookies", {
        method: "POST",
        headers: { origin: "https://evil.example", cookie: "ims_auth=1" },
        body: '{"names":["ims_auth"]}',
      }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
