// CI's scan of the product: `npm run scan -- --stub-vendors` against the site the e2e webServer built
// (with both vendors configured) must find no violation, and the vendors' cookies only where granted.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import type { ScanReport } from "../scripts/scan/report";
import { runScan } from "./scan-run";

const statesWith = (report: ScanReport, name: string) =>
  Object.entries(report.items.find((r) => r.name === name && r.declared)?.cells ?? {})
    .filter(([, cell]) => cell.status !== "absent")
    .map(([state]) => state);

test("the product keeps its declaration in every consent state", async ({ baseURL }, testInfo) => {
  testInfo.setTimeout(300_000);
  const html = testInfo.outputPath("scan.html");
  const run = await runScan(["--url", baseURL!, "--stub-vendors", "--html", html], testInfo.outputPath("scan.json"));
  await testInfo.attach("scan report", { path: html, contentType: "text/html" });
  const { report } = run;

  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(report.findings.filter((f) => f.severity === "violation")).toEqual([]);
  expect(report.states.map((s) => s.id)).toEqual([
    "no-decision",
    "reject-all",
    "accept-all",
    "category-analytics",
    "category-advertising",
    "category-functional",
    "service-ga4",
    "service-tiktok",
    "accept-all-gpc",
  ]);
  expect(report.states.filter((s) => s.error !== undefined)).toEqual([]);
  expect(report.pages).toContain(new URL("/en/cookie-policy", baseURL).href);

  // GA4 is not advertising, so Global Privacy Control keeps it; TikTok is, so GPC turns it off.
  expect(statesWith(report, "_ga")).toEqual(["accept-all", "category-analytics", "service-ga4", "accept-all-gpc"]);
  expect(statesWith(report, "_ttp")).toEqual(["accept-all", "category-advertising", "service-tiktok"]);
  expect(report.items.find((r) => r.name === "_ga_*")?.cells["service-ga4"]?.names).toEqual(["_ga_TEST123"]);
  const gtm = report.hosts.find((h) => h.host === "www.googletagmanager.com");
  expect(Object.keys(gtm?.cells ?? {})).toEqual(["accept-all", "category-analytics", "service-ga4", "accept-all-gpc"]);
  const tiktok = report.hosts.find((h) => h.host === "analytics.tiktok.com");
  expect(Object.keys(tiktok?.cells ?? {})).toEqual(["accept-all", "category-advertising", "service-tiktok"]);

  // Before any choice the browser holds nothing and talks to no one else.
  const none = report.observations.find((o) => o.state === "no-decision");
  expect(none?.requests).toEqual([]);
  expect(none?.snapshots.flatMap((s) => [...s.cookies.map((c) => c.name), ...s.storage.map((x) => x.name)])).toEqual(
    [],
  );
  expect(await readFile(html, "utf8")).toContain("No violation: the declaration holds in every consent state.");
});
