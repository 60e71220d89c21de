// What an attacker, a misconfigured proxy or an odd link can send, against the running server: hostile
// Host and X-Forwarded-Host headers, malformed fragments, unknown addresses under /api/ and /_next/, a
// reverse proxy that rewrites Host, and a visitor with more cookies than Node accepts by default.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { inlineScriptHashes } from "../lib/security/inline-scripts";
import { banner, POLICY } from "./consent-helpers";
import { inspector, inspectorReady, row } from "./fixtures/inspector";

const PORT = Number(process.env.E2E_PORT ?? 3123);
const ORIGIN = `http://localhost:${PORT}`;
const EXPIRE = "/api/storage/expire-cookies";
const CLEAR = "/api/storage/clear-site-data";
/** nginx's default proxy_buffer_size: the status line and every header of an answer must fit in it. */
const NGINX_HEADER_BUFFER = 4096;

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The status line and headers as they came over the wire, in bytes. */
  headerBytes: number;
  body: string;
}

/**
 * One request over raw HTTP, so any Host can be sent. The timeout is the guard: an answer that does not
 * come fails the test (the request kept the server busy for ten minutes).
 */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body = "") {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => {
        const lines = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage}`];
        for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          headerBytes: Buffer.byteLength(`${lines.join("\r\n")}\r\n\r\n`),
          body: text,
        });
      });
    });
    req.setTimeout(5_000, () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

test.describe("hostile Host and X-Forwarded-Host", () => {
  const names = ["ims_auth", "_ga", "ims_rl"];
  const cookie = names.map((n) => `${n}=1`).join("; ");
  const hostile: Array<[string, Record<string, string>]> = [
    ["a 3 KB X-Forwarded-Host", { Host: `localhost:${PORT}`, "X-Forwarded-Host": `${"a.".repeat(1500)}example.com` }],
    ["a 3 KB Host", { Host: `${"a.".repeat(1500)}example.com` }],
    ["a Host with many labels under the site", { Host: `${"x.".repeat(100)}www.candor.test` }],
    ["a Host with an attribute in it", { Host: "x.com; SameSite=None" }],
    [
      "an X-Forwarded-Host with an attribute in it",
      { Host: `localhost:${PORT}`, "X-Forwarded-Host": "x.com; SameSite=None" },
    ],
    ["a comma-separated X-Forwarded-Host", { Host: `localhost:${PORT}`, "X-Forwarded-Host": "evil.example, x.com" }],
  ];

  for (const [label, headers] of hostile) {
    test(`${label}: expire-cookies answers at once, with small headers and no Domain from the request`, async () => {
      const res = await raw(
        PORT,
        "POST",
        EXPIRE,
        { ...headers, "Sec-Fetch-Site": "same-origin", Cookie: cookie, "Content-Type": "application/json" },
        JSON.stringify({ names }),
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ expired: names, notSent: [], invalid: [], later: [] });
      const setCookie = res.headers["set-cookie"] ?? [];
      expect(setCookie.length).toBeGreaterThan(0);
      // Domain= comes from SITE_URL (http://www.candor.test:<port>) alone
      const domains = new Set<string>();
      for (const c of setCookie) {
        expect(c).toMatch(/^(ims_auth|_ga|ims_rl)=; Max-Age=0; Path=\/[\w/-]*(; Domain=[\w.-]+)?$/);
        const domain = /Domain=(.*)$/.exec(c)?.[1];
        if (domain) domains.add(domain);
      }
      expect([...domains].sort()).toEqual(["candor.test", "www.candor.test"]);
      expect(res.headerBytes).toBeLessThan(NGINX_HEADER_BUFFER);
    });
  }

  test("every other route and the pages answer hostile hosts too, and never repeat them", async () => {
    const host = `${"a.".repeat(1500)}example.com`;
    for (const [method, path, body] of [
      ["GET", "/api/storage/cookies", ""],
      ["POST", CLEAR, "{}"],
      ["GET", POLICY, ""],
      ["GET", "/", ""],
      ["GET", "/api/nothing", ""],
    ] as const) {
      const res = await raw(
        PORT,
        method,
        path,
        { Host: host, "X-Forwarded-Host": host, "Sec-Fetch-Site": "same-origin" },
        body,
      );
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(JSON.stringify(res.headers), `${method} ${path}`).not.toContain("a.a.a.a");
    }
  });

  test("an expire batch answers per name: a bad one does not fail the rest, and none is dropped past the limit", async () => {
    const many = Array.from({ length: 70 }, (_, i) => `c${i}`);
    const res = await raw(
      PORT,
      "POST",
      EXPIRE,
      {
        Host: `localhost:${PORT}`,
        "Sec-Fetch-Site": "same-origin",
        Cookie: [...many, "ims_auth"].map((n) => `${n}=1`).join("; "),
        "Content-Type": "application/json",
      },
      JSON.stringify({ names: ["bad name;", "ims_auth", ...many] }),
    );
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body) as Record<string, string[]>;
    expect(answer.invalid).toEqual(["bad name;"]);
    expect(answer.expired).toContain("ims_auth");
    expect([...(answer.expired ?? []), ...(answer.later ?? [])].sort()).toEqual(["ims_auth", ...many].sort());
    expect(answer.later?.length).toBeGreaterThan(0);
    expect(res.headerBytes).toBeLessThan(NGINX_HEADER_BUFFER);
  });
});

test.describe("malformed fragments", () => {
  for (const fragment of ["#%", "#50%", "#%E0%A4%A", "#%zz", `#${"%".repeat(3000)}`]) {
    test(`${fragment.slice(0, 12)}: the policy loads, the browser guide works, and nothing throws`, async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${POLICY}${fragment}`);
      await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeVisible();
      // the guide has put the visitor's browser first: its effect ran, on this very fragment
      await expect(page.locator(".browser-guide[data-detected]")).toHaveCount(1);
      // and again on a change of fragment
      await page.evaluate(() => {
        location.hash = "%C3%";
      });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator(".island-failed")).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }
});

test.describe("a Content-Security-Policy on every HTML answer", () => {
  for (const path of [
    "/api/nothing",
    "/api/storage/nothing",
    "/_next/nothing",
    "/_next/static/nothing.js",
    "/xx/nothing",
  ]) {
    test(`the 404 answer at ${path} has a CSP with the 404 page's hashes only`, async ({ request }) => {
      const notFoundPage = inlineScriptHashes(await (await request.get("/xx/nothing")).text());
      const policyPage = inlineScriptHashes(await (await request.get(POLICY)).text());
      const res = await request.get(path);
      expect(res.status()).toBe(404);
      const csp = res.headers()["content-security-policy"] ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const listed = [...csp.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]).sort();
      expect(listed).toEqual([...notFoundPage].sort());
      if (res.headers()["content-type"]?.includes("text/html"))
        expect(listed).toEqual(inlineScriptHashes(await res.text()).sort());
      // never the policy page's own
      for (const h of policyPage.filter((h) => !notFoundPage.includes(h))) expect(listed).not.toContain(h);
    });
  }

  test("the 404 page under /api/ runs under its CSP without a violation", async ({ page }) => {
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __v: string[] }).__v.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      (window as unknown as { __v: string[] }).__v = [];
    });
    const res = await page.goto("/api/nothing");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    violations.push(...(await page.evaluate(() => (window as unknown as { __v: string[] }).__v)));
    expect(violations).toEqual([]);
  });

  test("API answers carry a policy that lets nothing load, and COOP and CORP", async ({ request }) => {
    const res = await request.get("/api/storage/cookies", { headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(res.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(res.headers()["cross-origin-opener-policy"]).toBe("same-origin");
    expect(res.headers()["cross-origin-resource-policy"]).toBe("same-origin");
  });
});

/** A same-origin POST from the page's own script, as the inspector sends it; what came back on the wire. */
async function postFromPage(page: Page, path: string) {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === path);
  await page.evaluate(
    (url) => void fetch(url, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }),
    path,
  );
  const res = await answered;
  return { status: res.status(), clearSiteData: await res.headerValue("clear-site-data") };
}

/**
 * A reverse proxy as nginx is set up by default: it passes every request on to the site with Host
 * rewritten to its upstream's address and no X-Forwarded-Host, and answers with what the site answered.
 */
async function startRewritingProxy(): Promise<{ origin: string; server: Server; headerBytes: number[] }> {
  const headerBytes: number[] = [];
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: PORT,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: `127.0.0.1:${PORT}`, connection: "close" },
      },
      (answer) => {
        let bytes = `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n`.length;
        for (let i = 0; i < answer.rawHeaders.length; i += 2)
          bytes += `${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}\r\n`.length;
        headerBytes.push(bytes + 2);
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, server, headerBytes };
}

test.describe("behind a reverse proxy that rewrites Host", () => {
  let proxy: Awaited<ReturnType<typeof startRewritingProxy>>;
  test.beforeAll(async () => {
    proxy = await startRewritingProxy();
  });
  test.afterAll(async () => {
    await new Promise((resolve) => proxy.server.close(resolve));
  });

  test("the inspector deletes an HttpOnly cookie, and Delete all gets Clear-Site-Data", async ({ page, context }) => {
    await context.addCookies([
      { name: "ims_auth", value: "secret", url: proxy.origin, httpOnly: true },
      { name: "ims_other", value: "1", url: proxy.origin, httpOnly: true },
    ]);
    await page.goto(`${proxy.origin}${POLICY}`);
    await inspectorReady(page);
    await inspector(page).getByRole("button", { name: "Delete ims_auth" }).click();
    await page.getByRole("dialog", { name: "Delete ims_auth?" }).getByRole("button", { name: "Delete it" }).click();
    await expect(row(page, "cookie:ims_auth")).toHaveCount(0);
    expect((await context.cookies()).map((c) => c.name)).toEqual(["ims_other"]);

    expect(await postFromPage(page, CLEAR)).toEqual({ status: 200, clearSiteData: '"cookies", "storage"' });
    await expect.poll(async () => (await context.cookies()).length).toBe(0);
    // every answer that came through fits nginx's default buffer
    expect(Math.max(...proxy.headerBytes)).toBeLessThan(NGINX_HEADER_BUFFER);
  });
});

test.describe("a visitor with about 21 KB of cookies", () => {
  test("gets the policy page, and the Clear-Site-Data route clears them", async ({ page, context }) => {
    // more than Node's default 16 KB request-header limit, as an app on the same domain can leave
    const value = "v".repeat(3500);
    await context.addCookies(
      Array.from({ length: 6 }, (_, i) => ({ name: `app_state_${i}`, value, url: ORIGIN, httpOnly: i % 2 === 0 })),
    );
    const res = await page.goto(POLICY);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await postFromPage(page, CLEAR)).toEqual({ status: 200, clearSiteData: '"cookies", "storage"' });
    await expect.poll(async () => (await context.cookies()).length).toBe(0);
  });
});
