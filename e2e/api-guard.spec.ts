// Every API route, against the running server: wrong methods get 405 with Allow, requests from another
// site get 403, oversize bodies get 413 (declared or streamed), and none of those refusals carries what
// the route would have sent (Clear-Site-Data, Set-Cookie). The route list is checked against app/api.
import { readdirSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import path from "node:path";
import { expect, type Response, test } from "@playwright/test";
import { MAX_EVENTS_BODY_BYTES } from "../lib/consent-log/request";
import { sampleEvent } from "../lib/consent-log/testing";
import { MAX_CSP_REPORT_BYTES } from "../lib/security/csp-report";
import { MAX_BODY_BYTES } from "../lib/storage/api";

const PORT = Number(process.env.E2E_PORT ?? 3123);
const ORIGIN = `http://localhost:${PORT}`;
const OTHER_SITE = `http://www.candor.test:${PORT}`;
const SAME_ORIGIN = { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN };
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

interface RouteCase {
  path: string;
  method: "GET" | "POST";
  allow: string;
  /** A small valid body for the route's method. */
  body?: string;
  /** The status of a valid request (200 unless said). */
  ok?: number;
  /** A POST that need not prove where it came from (still refused from another site). */
  noProof?: boolean;
  /** The route's body limit, when it is not MAX_BODY_BYTES. */
  maxBody?: number;
}

const CSP_REPORT = JSON.stringify({
  "csp-report": {
    "document-uri": `${ORIGIN}/en/cookie-policy`,
    "violated-directive": "script-src-elem",
    "blocked-uri": "inline",
  },
});

const ROUTES: RouteCase[] = [
  { path: "/api/storage/cookies", method: "GET", allow: "GET, HEAD" },
  { path: "/api/storage/clear-site-data", method: "POST", allow: "POST", body: "{}" },
  { path: "/api/storage/expire-cookies", method: "POST", allow: "POST", body: JSON.stringify({ names: ["ims_auth"] }) },
  {
    path: "/api/csp-report",
    method: "POST",
    allow: "POST",
    body: CSP_REPORT,
    ok: 204,
    noProof: true,
    maxBody: MAX_CSP_REPORT_BYTES,
  },
  {
    path: "/api/consent/events",
    method: "POST",
    allow: "POST",
    // one fixed event: the first request stores it, every later one is a replay answered 200
    body: JSON.stringify(
      sampleEvent({ decisionId: "e2e00000-guard-4000-8000-000000000001", clientTime: new Date().toISOString() }),
    ),
    maxBody: MAX_EVENTS_BODY_BYTES,
  },
];

/**
 * Raw HTTP, so a test can send what fetch refuses to (a GET with a declared body, a chunked body of any
 * size), over one kept-alive connection per agent, as a proxy in front of the site would.
 */
function raw(agent: Agent, method: string, route: string, headers: Record<string, string>, chunks: string[] = []) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      let answered = false;
      const req = httpRequest(
        {
          agent,
          host: "127.0.0.1",
          port: PORT,
          path: route,
          method,
          headers: { Host: `localhost:${PORT}`, ...headers },
        },
        (res) => {
          answered = true;
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${route}: no answer within 10 s`)));
      // once answered, a write cut short by the server's closing is expected
      req.on("error", (e) => (answered ? undefined : reject(e)));
      for (const c of chunks) req.write(c);
      req.end();
    },
  );
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

test("every route under app/api is covered here", () => {
  const routes = routeFiles(path.resolve("app/api")).map(
    (f) => "/" + path.relative(path.resolve("app"), path.dirname(f)).split(path.sep).join("/"),
  );
  expect(routes.sort()).toEqual(ROUTES.map((r) => r.path).sort());
});

for (const route of ROUTES) {
  test.describe(route.path, () => {
    test(`answers a same-origin ${route.method} with a small valid body`, async ({ request }) => {
      const res = await request.fetch(route.path, {
        method: route.method,
        headers: { ...SAME_ORIGIN, "Content-Type": "application/json" },
        data: route.body,
      });
      expect(res.status()).toBe(route.ok ?? 200);
    });

    test("answers every other method with 405 and Allow, and nothing else", async ({ request }) => {
      const allowed = route.allow.split(", ");
      for (const method of METHODS.filter((m) => !allowed.includes(m))) {
        const res = await request.fetch(route.path, {
          method,
          headers: SAME_ORIGIN,
          data: method === "GET" || method === "HEAD" ? undefined : route.body,
        });
        expect(res.status(), method).toBe(405);
        expect(res.headers()["allow"], method).toBe(route.allow);
        expect(res.headers()["clear-site-data"], method).toBeUndefined();
        expect(res.headers()["set-cookie"], method).toBeUndefined();
      }
      if (allowed.includes("HEAD")) {
        const head = await request.fetch(route.path, { method: "HEAD", headers: SAME_ORIGIN });
        expect(head.status()).toBe(200);
      }
    });

    test("refuses requests from another site with 403, and sends nothing the route would have", async ({ request }) => {
      const foreign: Array<Record<string, string>> = [
        { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
        { "Sec-Fetch-Site": "cross-site" },
        { "Sec-Fetch-Site": "same-site", Origin: OTHER_SITE },
        { Origin: "https://evil.example" },
        { Origin: "null" },
      ];
      // a request that changes something must prove where it came from
      if (route.method === "POST" && !route.noProof) foreign.push({});
      for (const headers of foreign) {
        const res = await request.fetch(route.path, {
          method: route.method,
          headers: { ...headers, Cookie: "ims_auth=1", "Content-Type": "application/json" },
          data: route.body,
        });
        const label = JSON.stringify(headers);
        expect(res.status(), label).toBe(403);
        expect(res.headers()["clear-site-data"], label).toBeUndefined();
        expect(res.headers()["set-cookie"], label).toBeUndefined();
        expect(await res.text(), label).not.toContain("ims_auth");
      }
    });

    test(`refuses a body over its limit with 413, declared or streamed, and the connection stays usable`, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const max = route.maxBody ?? MAX_BODY_BYTES;
        const big = "x".repeat(max + 1);
        const declared = await raw(
          agent,
          route.method,
          route.path,
          { ...SAME_ORIGIN, "Content-Length": String(big.length) },
          [big],
        );
        expect(declared.status).toBe(413);
        expect(declared.headers["clear-site-data"]).toBeUndefined();
        if (route.method === "POST") {
          // chunked: no length up front, so the guard counts while it reads, and stops reading
          const chunks = Array.from({ length: Math.ceil((2 * max) / 1024) }, () => "y".repeat(1024));
          const streamed = await raw(
            agent,
            route.method,
            route.path,
            { ...SAME_ORIGIN, "Transfer-Encoding": "chunked" },
            chunks,
          );
          expect(streamed.status).toBe(413);
          expect(streamed.headers["clear-site-data"]).toBeUndefined();
          expect(streamed.headers["set-cookie"]).toBeUndefined();
          // exactly at the limit is fine
          const atLimit = await raw(agent, "POST", route.path, SAME_ORIGIN, [route.body!.padEnd(max, " ")]);
          expect(atLimit.status).toBe(route.ok ?? 200);
        }
        // (Next.js never hands a GET's streamed body to the route: it is discarded, not buffered)
        // the next request through the same agent is answered: the unread rest of a refused body does not
        // sit in front of it on a kept-alive connection
        const after = await raw(agent, route.method, route.path, SAME_ORIGIN, route.body ? [route.body] : []);
        expect(after.status).toBe(route.ok ?? 200);
      } finally {
        agent.destroy();
      }
    });
  });
}

test.describe("from another site's page", () => {
  // the other site's page is this server's 404 under another host name; its own CSP would stop the
  // fetch before it left the browser, and an attacker's page has no such policy
  test.use({ bypassCSP: true });

  test("a browser's requests to every route are refused and the cookies stay; the same requests from the site's own page pass", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "ims_auth", value: "secret", url: ORIGIN, httpOnly: true }]);
    /** Each route's status as the browser saw it, or "blocked" when the browser withheld the answer. */
    const send = async (from: string) => {
      const outcomes: Array<number | "blocked"> = [];
      for (const route of ROUTES) {
        const url = `${ORIGIN}${route.path}`;
        const answered = Promise.race([
          page.waitForResponse((r) => r.url() === url),
          page.waitForEvent("requestfailed", (r) => r.url() === url),
        ]);
        // no-cors: another site's page cannot read the answer, but the request is sent
        await page.evaluate(
          ([url, method, body]) =>
            void fetch(url!, { method, mode: "no-cors", credentials: "include", body: body || undefined }).catch(
              () => undefined,
            ),
          [url, route.method, route.body ?? ""],
        );
        const done = await answered;
        if ("failure" in done && !("status" in done)) {
          // Cross-Origin-Resource-Policy: same-origin — the browser does not hand another site our answer
          expect(done.failure()?.errorText, `${from} ${route.path}`).toContain("ERR_BLOCKED_BY_RESPONSE");
          outcomes.push("blocked");
          continue;
        }
        const res = done as Response;
        expect(await res.headerValue("clear-site-data"), `${from} ${route.path}`).toBe(
          res.status() === 200 && route.path.endsWith("clear-site-data") ? '"cookies", "storage"' : null,
        );
        outcomes.push(res.status());
      }
      return outcomes;
    };
    await page.goto(`${OTHER_SITE}/__attacker-page`);
    // refused by the server (403) and, on top, withheld by the browser (CORP): either way nothing happens
    for (const outcome of await send("another site")) expect([403, "blocked"]).toContain(outcome);
    expect((await context.cookies()).map((c) => c.name)).toEqual(["ims_auth"]);
    // the control: nothing but where the requests came from differs
    await page.goto(`${ORIGIN}/__own-page`);
    expect(await send("this site")).toEqual(ROUTES.map((r) => r.ok ?? 200));
    await expect.poll(async () => (await context.cookies()).map((c) => c.name)).toEqual([]);
  });
});
