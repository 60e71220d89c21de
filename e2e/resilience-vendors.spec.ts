// Vendor scripts that never answer, answer an error page, are blocked as an ad blocker would, or arrive
// very late: the visitor's choices keep working (banner, dialog, inline switches, receipt), the record
// says what the visitor chose and nothing more, nothing of the vendors is stored, withdrawal works while
// the script is missing, and no error escapes.
import { expect, type Page, test } from "@playwright/test";
import { routeVendors, VENDOR_URLS, type VendorFailure } from "../lib/testing/vendors";
import {
  banner,
  dialog,
  expectNoVendorStorage,
  nonEssential,
  POLICY_ON_SUBDOMAIN,
  pageErrors,
  RECORD_KEY,
  typesTable,
} from "./consent-helpers";

const stored = async (page: Page) => {
  const raw = await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);
  return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
};
const footerSettings = (page: Page) => page.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" });
const receipt = (page: Page) => page.locator(".cc-receipt");
const inTable = (page: Page, name: string) => typesTable(page).getByRole("switch", { name, exact: true });

// "slow" answers long after the visitor has withdrawn: the late script must find nothing to run for
const SLOW_MS = 15_000;
const failures: Array<[string, VendorFailure]> = [
  ["never answer", { mode: "hang" }],
  ["answer 500", { mode: "status", status: 500 }],
  ["are blocked as an ad blocker would", { mode: "blocked" }],
  [`answer only after ${SLOW_MS / 1000} s`, { mode: "slow", delayMs: SLOW_MS }],
];

for (const [label, failure] of failures) {
  test(`vendor scripts that ${label}: every choice still works, nothing of the vendors is stored, withdrawal works`, async ({
    page,
    context,
  }) => {
    test.setTimeout(failure.mode === "slow" ? 60_000 : 30_000);
    const log = await routeVendors(context, { scriptFailure: failure });
    const errors = pageErrors(page);
    await page.goto(POLICY_ON_SUBDOMAIN);

    // the banner
    await banner(page).getByRole("button", { name: "Accept all" }).click();
    await expect(banner(page).getByText("You've accepted additional cookies.")).toBeVisible();
    await expect.poll(() => log.of("ga4", "script").length).toBe(1);
    await expect.poll(() => log.of("tiktok", "script").length).toBe(1);
    const requestedAt = Math.min(...log.requests.map((r) => r.time));
    expect(await stored(page)).toMatchObject({
      method: "banner-accept-all",
      categories: { necessary: true, analytics: true, advertising: true, functional: true, security: true },
      services: { ga4: true, tiktok: true },
    });

    // the inline switches show the choice and still act (Functional has no vendor: no reload)
    await expect(inTable(page, "Performance & Analytics")).toHaveAttribute("aria-checked", "true");
    await inTable(page, "Functional").click();
    await expect(inTable(page, "Functional")).toHaveAttribute("aria-checked", "false");
    expect(await stored(page)).toMatchObject({ method: "inline", categories: { functional: false, analytics: true } });

    // the dialog opens with the choice in force, and saves
    await footerSettings(page).click();
    await expect(dialog(page).getByRole("switch", { name: "Google Analytics 4", exact: true })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await dialog(page).getByRole("switch", { name: "Functional", exact: true }).click();
    await dialog(page).getByRole("button", { name: "Save choices" }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(inTable(page, "Functional")).toHaveAttribute("aria-checked", "true");
    const saved = await stored(page);
    expect(saved).toMatchObject({
      categories: { functional: true, analytics: true },
      services: { ga4: true, tiktok: true },
    });

    // the receipt shows it
    await expect(receipt(page)).toContainText(String(saved!.id));
    await expect(receipt(page)).toContainText("Google Analytics 4: Allowed");

    // none of the missing scripts' work happened: no cookie, no key, no beacon
    expect(log.of("ga4", "beacon")).toEqual([]);
    expect(log.of("tiktok", "beacon")).toEqual([]);
    expect(await nonEssential(page, context)).toEqual([]);

    // withdrawal while the scripts are missing: the page reloads (their code may still arrive), nothing follows
    log.clear();
    await Promise.all([
      page.waitForEvent("load"),
      receipt(page).getByRole("button", { name: "Withdraw all consent" }).click(),
    ]);
    await expect(receipt(page)).toContainText("Performance & Analytics: Refused");
    expect(await stored(page)).toMatchObject({
      method: "withdraw",
      categories: { analytics: false, functional: false },
      services: { ga4: false, tiktok: false },
    });
    await expect(inTable(page, "Performance & Analytics")).toHaveAttribute("aria-checked", "false");
    await page.waitForLoadState("networkidle");
    if (failure.mode === "slow") {
      // past the moment the first page's scripts would have arrived
      await page.waitForTimeout(Math.max(0, requestedAt + SLOW_MS + 1_000 - Date.now()));
    }
    expect(log.requests).toEqual([]);
    await expectNoVendorStorage(page, context);
    expect(await nonEssential(page, context)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("a vendor script that arrives late runs only for the service granted, and is stopped by withdrawal", async ({
  page,
  context,
}) => {
  const log = await routeVendors(context, { scriptFailure: { mode: "slow", delayMs: 3_000 } });
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Customize" }).click();
  await dialog(page).getByRole("switch", { name: "Google Analytics 4", exact: true }).click();
  await dialog(page).getByRole("button", { name: "Save choices" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect.poll(() => log.of("ga4", "script").length).toBe(1);
  // nothing stored while it is on its way
  await expectNoVendorStorage(page, context);
  // then it arrives and does what analytics consent allows
  await expect
    .poll(async () => (await context.cookies()).map((c) => c.name).sort(), { timeout: 10_000 })
    .toEqual(["_ga", "_ga_TEST123"]);
  expect(log.of("tiktok")).toEqual([]);
  // and switching Google Analytics off removes it
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("main").getByRole("switch", { name: "Google Analytics 4", exact: true }).click(),
  ]);
  await expectNoVendorStorage(page, context);
  expect(await stored(page)).toMatchObject({ services: { ga4: false, tiktok: false } });
  expect(errors).toEqual([]);
});

test("beacons blocked by an ad blocker while the scripts load: the choice holds and withdrawal removes what the vendors stored", async ({
  page,
  context,
}) => {
  const log = await routeVendors(context, { blockBeacons: true });
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(() => log.of("ga4", "beacon").length).toBeGreaterThan(0);
  await expect.poll(() => log.of("tiktok", "beacon").length).toBeGreaterThan(0);
  await expect.poll(async () => (await context.cookies()).length).toBe(6);
  await Promise.all([
    page.waitForEvent("load"),
    receipt(page).getByRole("button", { name: "Withdraw all consent" }).click(),
  ]);
  await expectNoVendorStorage(page, context);
  expect(await nonEssential(page, context)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a vendor script that throws when told of a withdrawal: the other vendor is told too, the page reloads, nothing is left", async ({
  page,
  context,
}) => {
  const log = await routeVendors(context);
  // a broken release of the Google tag: every command pushed after it loads throws (registered after
  // routeVendors, so this route answers the script URL first)
  await context.route(VENDOR_URLS.ga4Script, (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: "window.dataLayer = window.dataLayer || []; window.dataLayer.push = function () { throw new Error('broken vendor release'); };",
    }),
  );
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(async () => (await context.cookies()).map((c) => c.name)).toContain("_ttp");
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { dataLayer: { push: () => void } }).dataLayer.push.toString()),
    )
    .toContain("broken");

  // one withdrawal that reaches both vendors (analytics and advertising are separate categories)
  await footerSettings(page).click();
  await Promise.all([page.waitForEvent("load"), dialog(page).getByRole("button", { name: "Reject all" }).click()]);
  await expect(inTable(page, "Performance & Analytics")).toHaveAttribute("aria-checked", "false");
  expect(await stored(page)).toMatchObject({ method: "dialog", services: { ga4: false, tiktok: false } });
  log.clear();
  await page.waitForLoadState("networkidle");
  expect(log.requests).toEqual([]);
  await expectNoVendorStorage(page, context);
  // the vendor's failure is reported, not swallowed; nothing else went wrong
  expect(errors.filter((e) => !e.includes("broken vendor release"))).toEqual([]);
});
