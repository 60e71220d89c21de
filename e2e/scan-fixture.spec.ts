// The scanner against a small fixture site (e2e/fixtures/scan-site/) with planted faults: it must find
// each one, exit 1, and write an accessible report; on the same site without faults it must exit 0.
import { pathToFileURL } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Finding } from "../lib/scan/analyze";
import { type ScanSite, startScanSite } from "./fixtures/scan-site/server";
import { runScan, type ScanRun } from "./scan-run";

const REGISTRY = "e2e/fixtures/scan-site/registry.yaml";
// The fixture site's port: any free one, unless a developer pins it.
const PORT = Number(process.env.SCAN_FIXTURE_PORT ?? 0);

const ofKind = <K extends Finding["kind"]>(run: ScanRun, kind: K) =>
  run.report.findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
const present = (run: ScanRun, name: string) =>
  Object.entries(run.report.items.find((r) => r.name === name)?.cells ?? {})
    .filter(([, cell]) => cell.status !== "absent")
    .map(([state]) => state);

test.describe("scanning a site with planted faults", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let site: ScanSite;
  let run: ScanRun;
  let html: string;

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(180_000);
    site = await startScanSite({ port: PORT, faults: true });
    html = testInfo.outputPath("scan.html");
    run = await runScan(
      ["--url", site.url, "--registry", REGISTRY, "--settle", "100", "--html", html],
      testInfo.outputPath("scan.json"),
    );
  });
  test.afterAll(async () => {
    await site?.close();
  });

  test("exits 1 and reports each planted fault", () => {
    expect(run.code, run.stderr).toBe(1);
    const kinds = run.report.findings.filter((f) => f.severity === "violation").map((f) => f.kind);
    expect(kinds.sort()).toEqual(["expiry", "not-granted", "third-party-request", "undeclared"]);

    const [early] = ofKind(run, "not-granted");
    expect(early).toMatchObject({ declared: "fx:chat-greeted", storage: "localStorage", category: "functional" });
    expect(early?.occurrences).toContainEqual({ state: "no-decision", phase: "before-choice" });
    expect(early?.occurrences).toContainEqual({ state: "reject-all", phase: "after-choice" });
    // Once functional is granted the key is allowed: no finding for those states after the choice.
    expect(early?.occurrences).not.toContainEqual({ state: "category-functional", phase: "after-choice" });

    const [undeclared] = ofKind(run, "undeclared");
    expect(undeclared).toMatchObject({ name: "fx:scroll", storage: "localStorage" });
    expect(undeclared?.suggestion).toContain("- name: fx:scroll");
    expect(undeclared?.suggestion).toMatch(/category: functional\s+# seen only when Functional was granted/);
    expect(undeclared?.suggestion).toContain("provider: Fixture Co");

    const [long] = ofKind(run, "expiry");
    expect(long).toMatchObject({ declared: "_fxp", declaredDuration: "30d" });
    expect(long?.observedSeconds).toBeGreaterThan(399 * 86400);
    expect(long?.observedSeconds).toBeLessThanOrEqual(400 * 86400);

    const [beacon] = ofKind(run, "third-party-request");
    expect(beacon).toMatchObject({ host: "127.0.0.1", service: "fx-pixel" });
    expect(beacon?.urls[0]).toContain("/collect?page=hidden");
    expect(beacon?.occurrences.map((o) => o.state)).toEqual([
      "no-decision",
      "reject-all",
      "category-functional",
      "accept-all-gpc",
    ]);
  });

  test("says which declared items it never saw, and why", () => {
    const never = ofKind(run, "never-seen").map((f) => [f.declared, f.reason]);
    expect(never).toEqual([
      ["fx:old-key", "stale"],
      ["fx_app", "app"],
    ]);
  });

  test("visits the policy pages, their links, the hreflang alternate and the sitemap's pages", () => {
    const origin = new URL(site.url).origin;
    expect([...run.report.pages].sort()).toEqual([
      `${origin}/de/cookie-policy`,
      `${origin}/en/about`,
      `${origin}/en/cookie-policy`,
      `${origin}/en/hidden`,
    ]);
    expect(run.report.states.map((s) => [s.id, s.pages >= 4, s.error])).toEqual(
      run.report.states.map((s) => [s.id, true, undefined]),
    );
  });

  test("records HttpOnly cookies, sessionStorage, IndexedDB and Cache Storage, state by state", () => {
    expect(present(run, "fx_sid")).toHaveLength(7);
    expect(present(run, "fx:tab")).toHaveLength(7);
    expect(present(run, "fx-offline")).toHaveLength(7);
    expect(present(run, "fx-prefs")).toEqual(["accept-all", "category-functional", "accept-all-gpc"]);
    // The pixel is advertising: Global Privacy Control keeps it off even with "Accept all".
    expect(present(run, "_fxp")).toEqual(["accept-all", "category-analytics", "service-fx-pixel"]);
    const cookie = run.report.observations
      .flatMap((o) => o.snapshots.flatMap((s) => s.cookies))
      .find((c) => c.name === "fx_sid");
    expect(cookie?.httpOnly).toBe(true);
  });

  test("prints a table with progress, and writes an accessible report page", async ({ page }) => {
    expect(run.stderr).toMatch(/\[1\/7\] No decision: 4 pages/);
    expect(run.stdout).toContain("Items by state");
    expect(run.stdout).toMatch(/fx:scroll \(undeclared\)\s+localStorage/);
    expect(run.stdout).toContain("✗ 4 violations");

    await page.goto(pathToFileURL(html).href);
    const matrix = page.getByRole("table", { name: "Cookies and storage by consent state" });
    await expect(matrix.getByRole("columnheader", { name: "Accept all with Global Privacy Control" })).toBeVisible();
    const row = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "_fxp", exact: true }) });
    await expect(row.getByRole("cell")).toHaveText([
      "cookie",
      "fx-pixel",
      "·absent",
      "·absent",
      "● present",
      "● present",
      "·absent",
      "● present",
      "·absent",
    ]);
    await expect(page.getByRole("heading", { name: "Violations (4)" })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });
});

test("exits 0 on the same site without its planted faults", async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  const site = await startScanSite({ port: PORT, faults: false });
  try {
    const run = await runScan(
      ["--url", site.url, "--registry", REGISTRY, "--settle", "100"],
      testInfo.outputPath("scan.json"),
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.report.violations).toBe(0);
    expect(present(run, "fx:chat-greeted")).toEqual(["accept-all", "category-functional", "accept-all-gpc"]);
    expect(run.stdout).toContain("✓ No violation");
  } finally {
    await site.close();
  }
});
