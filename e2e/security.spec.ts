// Security headers and the Content-Security-Policy, checked in the browser that enforces them.
import { expect, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import { banner, POLICY } from "./consent-helpers";

function directive(csp: string, name: string): string[] {
  const d = csp
    .split(";")
    .map((x) => x.trim())
    .find((x) => x.startsWith(`${name} `));
  return d ? d.split(/\s+/).slice(1) : [];
}

/** Collects CSP violations the page reports. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      // where it happened too, so a failure names the script
      w.__cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("every kind of response carries the security headers", async ({ request }) => {
  const page = await request.get(POLICY);
  const html = await page.text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset).toBeTruthy();
  for (const res of [
    page,
    await request.get(asset!),
    await request.get("/xx/nothing"),
    await request.get("/icon.svg"),
  ]) {
    const h = res.headers();
    expect(h["x-content-type-options"], res.url()).toBe("nosniff");
    expect(h["referrer-policy"], res.url()).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], res.url()).toContain("camera=()");
    expect(h["x-frame-options"], res.url()).toBe("DENY");
    expect(h["strict-transport-security"], res.url()).toContain("max-age=");
    expect(h["cross-origin-opener-policy"], res.url()).toBe("same-origin");
    expect(h["cross-origin-resource-policy"], res.url()).toBe("same-origin");
  }
});

test("pages answer only GET and HEAD: any other method gets 405 with Allow, never the page", async ({ request }) => {
  for (const path of [POLICY, "/de/cookie-policy", "/", "/cookie-policy"]) {
    expect((await request.head(path, { maxRedirects: 0 })).status(), `HEAD ${path}`).toBeLessThan(400);
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const res = await request.fetch(path, { method, maxRedirects: 0 });
      expect(res.status(), `${method} ${path}`).toBe(405);
      expect(res.headers()["allow"], `${method} ${path}`).toMatch(/^GET, HEAD$/);
      expect(await res.text(), `${method} ${path}`).not.toContain("<html");
    }
  }
});

test("the page's CSP allows no inline script but its own, no eval, and only the consent-loaded vendors", async ({
  request,
}) => {
  const res = await request.get(POLICY);
  const csp = res.headers()["content-security-policy"] ?? "";
  const scripts = directive(csp, "script-src");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts.filter((s) => s.startsWith("https:")).sort()).toEqual([
    "https://analytics.tiktok.com",
    "https://www.googletagmanager.com",
  ]);
  expect(scripts.filter((s) => s.startsWith("'sha256-")).length).toBeGreaterThan(0);
  expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(csp, "object-src")).toEqual(["'none'"]);
  // the page stays static and cacheable by a CDN
  expect(res.headers()["cache-control"]).toContain("s-maxage");
  const again = await request.get(POLICY);
  expect(again.headers()["content-security-policy"]).toBe(csp);
});

test("the page runs under its CSP without a single violation, vendors included after consent", async ({
  page,
  context,
}) => {
  const violations = await watchViolations(page);
  const vendors = await routeVendors(context);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(() => vendors.of("ga4", "script").length).toBeGreaterThan(0);
  await expect.poll(() => vendors.of("tiktok", "script").length).toBeGreaterThan(0);
  await expect.poll(async () => (await context.cookies()).some((c) => c.name === "_ga")).toBe(true);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test("a script injected into the HTML without a hash does not run", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.route(`**${POLICY}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</head>", "<script>window.__injected = true;</script></head>");
    await route.fulfill({ response, body });
  });
  const res = await page.goto(POLICY);
  expect(res?.headers()["content-security-policy"]).toContain("script-src");
  expect(await page.content()).toContain("window.__injected = true;");
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect((await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
  // the page itself still works: its own inline scripts are allowed by hash
  await expect(banner(page).getByRole("button", { name: "Reject all" })).toBeVisible();
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem("candor:consent") !== null)).toBe(true);
});

test("the page cannot be framed", async ({ page }) => {
  const res = await page.request.get(POLICY);
  expect(directive(res.headers()["content-security-policy"] ?? "", "frame-ancestors")).toEqual(["'none'"]);
  expect(res.headers()["x-frame-options"]).toBe("DENY");
});
