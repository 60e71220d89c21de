// GA4 and TikTok Pixel load only with consent, and stop (with their data deleted) when it is withdrawn.
import { expect, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import {
  banner,
  dialog,
  expectNoVendorStorage,
  GA_ID,
  held,
  nonEssential,
  OUTBOX_KEY,
  POLICY_ON_SUBDOMAIN,
  pageErrors,
  TIKTOK_ID,
  typesTable,
} from "./consent-helpers";

test("nothing reaches a vendor and nothing non-essential is stored before a decision, nor after Reject all", async ({
  page,
  context,
}) => {
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await expect(banner(page)).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(log.requests).toEqual([]);
  expect(await nonEssential(page, context)).toEqual([]);
  // the vendors' code is not even loaded before a grant: no gtag queue, no ttq queue
  const vendorGlobals = () => page.evaluate(() => ["dataLayer", "gtag", "ttq"].filter((name) => name in window));
  expect(await vendorGlobals()).toEqual([]);

  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect(banner(page).getByText("You've rejected additional cookies.")).toBeVisible();
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(log.requests).toEqual([]);
  expect(await nonEssential(page, context)).toEqual([]);
  expect((await held(page, context)).localStorage).toEqual(["candor:consent", OUTBOX_KEY]);
  expect(await vendorGlobals()).toEqual([]);
  expect(errors).toEqual([]);
});

test("Accept all loads both vendors, after the Consent Mode default and update", async ({ page, context }) => {
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page).getByText("You've accepted additional cookies.")).toBeVisible();

  await expect
    .poll(() => log.of("ga4", "script").map((r) => r.url))
    .toEqual([`https://www.googletagmanager.com/gtag/js?id=${GA_ID}`]);
  await expect
    .poll(() => log.of("tiktok", "script").map((r) => r.url))
    .toEqual([`https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=${TIKTOK_ID}&lib=ttq`]);
  await expect.poll(() => log.of("ga4", "beacon").length).toBeGreaterThan(0);
  await expect.poll(() => log.of("tiktok", "beacon").length).toBeGreaterThan(0);
  expect(log.of("other")).toEqual([]);

  const dataLayer = await page.evaluate(() =>
    (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((a) => JSON.parse(JSON.stringify(Array.from(a)))),
  );
  expect(dataLayer[0]).toEqual([
    "consent",
    "default",
    {
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "denied",
      functionality_storage: "denied",
      personalization_storage: "denied",
      security_storage: "granted",
      wait_for_update: 500,
    },
  ]);
  expect(dataLayer[1]).toEqual(["consent", "update", { analytics_storage: "granted" }]);
  expect(dataLayer.slice(2).map((c: unknown[]) => c[0])).toEqual(["js", "config"]);
  expect(dataLayer[3]).toEqual(["config", GA_ID]);

  // the stand-ins set what the real scripts set, _ga on the parent domain
  await expect
    .poll(async () => (await held(page, context)).cookies.map((c) => `${c.name}@${c.domain}`).sort())
    .toEqual(
      [
        "_ga@.candor.test",
        `_ga_${GA_ID.replace("G-", "")}@.candor.test`,
        "_tt_enable_cookie@.candor.test",
        "_ttp@.candor.test",
        "ttcsid@.candor.test",
        `ttcsid_${TIKTOK_ID}@.candor.test`,
      ].sort(),
    );
  expect((await held(page, context)).sessionStorage).toEqual(["tt_appInfo", "tt_pixel_session_index", "tt_sessionId"]);
  expect(errors).toEqual([]);
});

test("only Google Analytics switched on: gtag loads, TikTok is never requested", async ({ page, context }) => {
  const log = await routeVendors(context);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Customize" }).click();
  await dialog(page).getByRole("switch", { name: "Google Analytics 4", exact: true }).click();
  await expect(dialog(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(dialog(page).getByRole("switch", { name: "TikTok Pixel", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expect(dialog(page).getByRole("switch", { name: "Advertising", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await dialog(page).getByRole("button", { name: "Save choices" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect.poll(() => log.of("ga4", "script").length).toBe(1);
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect.poll(() => log.of("ga4", "script").length).toBe(2);
  expect(log.of("tiktok")).toEqual([]);
  const h = await held(page, context);
  expect(h.cookies.map((c) => c.name).filter((n) => /^(_tt|ttcsid)/.test(n))).toEqual([]);
  expect(h.sessionStorage).toEqual([]);
});

test("an inline switch takes effect at once, without a reload", async ({ page, context }) => {
  const log = await routeVendors(context);
  await page.goto(POLICY_ON_SUBDOMAIN);
  const gaSwitch = page.getByRole("main").getByRole("switch", { name: "Google Analytics 4", exact: true });
  await expect(gaSwitch).toBeEnabled();
  let reloaded = false;
  page.on("framenavigated", () => (reloaded = true));
  await gaSwitch.click();
  await expect(gaSwitch).toHaveAttribute("aria-checked", "true");
  await expect.poll(() => log.of("ga4", "script").length).toBe(1);
  await expect.poll(async () => (await held(page, context)).cookies.map((c) => c.name)).toContain("_ga");
  expect(log.of("tiktok")).toEqual([]);
  // deciding inline also answers the banner
  await expect(banner(page)).toBeHidden();
  expect(reloaded).toBe(false);
});

test("withdrawal deletes the vendors' cookies (parent-domain ones too) and keys, reloads in place, and no vendor request follows", async ({
  page,
  context,
}) => {
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(async () => (await held(page, context)).cookies.length).toBe(6);
  expect((await held(page, context)).cookies.find((c) => c.name === "_ga")?.domain).toBe(".candor.test");
  await banner(page).getByRole("button", { name: "Hide this message" }).click();

  const tableSwitch = typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true });
  await tableSwitch.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await expect(tableSwitch).toHaveAttribute("aria-checked", "true");
  log.clear();

  // the vendors' code ran in this page, so switching off reloads it; advertising is switched off apart
  await Promise.all([page.waitForEvent("load"), tableSwitch.click()]);
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expect.poll(async () => (await held(page, context)).cookies.map((c) => c.name)).not.toContain("_ga");
  expect((await held(page, context)).cookies.map((c) => c.name)).toContain("_ttp");
  const adsSwitch = typesTable(page).getByRole("switch", { name: "Advertising", exact: true });
  await expect(adsSwitch).toHaveAttribute("aria-checked", "true");
  // the reload ran the TikTok Pixel again (advertising is still allowed); from here on nothing may load
  await page.waitForLoadState("networkidle");
  log.clear();
  await Promise.all([page.waitForEvent("load"), adsSwitch.click()]);
  await expect(typesTable(page).getByRole("switch", { name: "Advertising", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expectNoVendorStorage(page, context);
  expect((await held(page, context)).cookies).toEqual([]);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  expect(log.requests).toEqual([]);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(50);
  await expect(banner(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test("Reject all after Accept all leaves no GA or TikTok cookie or key behind", async ({ page, context }) => {
  const log = await routeVendors(context);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(async () => (await held(page, context)).sessionStorage.length).toBe(3);
  await page.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" }).click();
  await Promise.all([page.waitForEvent("load"), dialog(page).getByRole("button", { name: "Reject all" }).click()]);
  await expectNoVendorStorage(page, context);
  expect(await nonEssential(page, context)).toEqual([]);
  log.clear();
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(log.requests).toEqual([]);
});

test("withdrawing a vendor that never loaded needs no reload", async ({ page, context }) => {
  const log = await routeVendors(context);
  await page.goto(POLICY_ON_SUBDOMAIN);
  const functional = typesTable(page).getByRole("switch", { name: "Functional", exact: true });
  await functional.click();
  await expect(functional).toHaveAttribute("aria-checked", "true");
  await page.evaluate(() => localStorage.setItem("candor:theme", "dark"));
  let reloaded = false;
  page.on("framenavigated", () => (reloaded = true));
  await functional.click();
  await expect(functional).toHaveAttribute("aria-checked", "false");
  expect((await held(page, context)).localStorage).toEqual(["candor:consent", OUTBOX_KEY]);
  expect(reloaded).toBe(false);
  expect(log.requests).toEqual([]);
});

test.describe("with Global Privacy Control", () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true }),
    );
  });

  test("TikTok stays off after Accept all, the banner says why, and only its own switch turns it on", async ({
    page,
    context,
  }) => {
    const log = await routeVendors(context);
    await page.goto(POLICY_ON_SUBDOMAIN);
    await expect(banner(page).getByText("your browser sends Global Privacy Control")).toBeVisible();
    await banner(page).getByRole("button", { name: "Accept all" }).click();
    await expect(banner(page).getByText("TikTok Pixel stays off")).toBeVisible();
    await expect.poll(() => log.of("ga4", "script").length).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(log.of("tiktok")).toEqual([]);
    const record = JSON.parse((await page.evaluate(() => localStorage.getItem("candor:consent")))!);
    expect(record).toMatchObject({ gpc: true, services: { ga4: true, tiktok: false } });

    const tiktok = page.getByRole("main").getByRole("switch", { name: "TikTok Pixel", exact: true });
    await expect(tiktok).toHaveAttribute("aria-checked", "false");
    await tiktok.click();
    await expect.poll(() => log.of("tiktok", "script").length).toBe(1);
  });
});

test("two tabs stay in sync within a second", async ({ context }) => {
  const log = await routeVendors(context);
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(POLICY_ON_SUBDOMAIN);
  await b.goto(POLICY_ON_SUBDOMAIN);
  await expect(banner(b)).toBeVisible();

  await banner(a).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(b)).toBeHidden({ timeout: 1000 });
  await expect(typesTable(b).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
    {
      timeout: 1000,
    },
  );
  // each tab runs the vendors it now has consent for
  await expect.poll(() => log.of("ga4", "script").length, { timeout: 1000 }).toBe(2);

  // withdrawing in one tab reloads the other, whose vendor code ran, and nothing is left
  const reloadB = b.waitForEvent("load");
  await a.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" }).click();
  await Promise.all([a.waitForEvent("load"), dialog(a).getByRole("button", { name: "Reject all" }).click()]);
  await reloadB;
  await expect(typesTable(b).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expectNoVendorStorage(b, context);
});
