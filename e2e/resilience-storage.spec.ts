// Storage that is full or blocked, beyond what consent-robustness.spec.ts covers (one choice on a page
// with storage throwing or full): further choices after a failed save, a save once space is free again,
// and withdrawal when the withdrawal cannot be stored. Nothing may be granted by accident.
import { expect, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import {
  banner,
  dialog,
  expectNoVendorStorage,
  held,
  nonEssential,
  POLICY_ON_SUBDOMAIN,
  pageErrors,
  RECORD_KEY,
  seedRecord,
  storedRecord,
  typesTable,
} from "./consent-helpers";

const ORIGIN = new URL(POLICY_ON_SUBDOMAIN).origin;
const NOT_REMEMBERED = "Your browser did not let us store this choice";
const NOT_STORED = "This choice could not be stored in your browser";

const rawRecord = (page: Page) => page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);
const receipt = (page: Page) => page.locator(".cc-receipt");
const inMain = (page: Page, name: string) => page.getByRole("main").getByRole("switch", { name, exact: true }).first();

/** Every setItem throws QuotaExceededError until the page sets window.__quotaFree = true. */
function fillQuota() {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key: string, value: string) {
    if ((window as unknown as { __quotaFree?: boolean }).__quotaFree !== true) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
}

test("a full quota: later choices in the switches and the dialog still work, and the next choice after space frees up is stored", async ({
  page,
  context,
}) => {
  await context.addInitScript(fillQuota);
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);

  // 1. an inline switch: holds for the page view, says so, stores nothing
  const functional = typesTable(page).getByRole("switch", { name: "Functional", exact: true });
  await functional.click();
  await expect(functional).toHaveAttribute("aria-checked", "true");
  await expect(banner(page).getByText(NOT_REMEMBERED)).toBeVisible();
  expect(await rawRecord(page)).toBeNull();

  // 2. the dialog: opens with the page view's choice, saves another one on top of it
  await page.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" }).click();
  await expect(dialog(page).getByRole("switch", { name: "Functional", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await dialog(page).getByRole("switch", { name: "Google Analytics 4", exact: true }).click();
  await dialog(page).getByRole("button", { name: "Save choices" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect.poll(() => log.of("ga4", "script").length).toBe(1);
  expect(log.of("tiktok")).toEqual([]);
  expect(await rawRecord(page)).toBeNull();
  await expect(receipt(page)).toContainText(NOT_STORED);
  await expect(receipt(page)).toContainText("Functional: Allowed");
  await expect(receipt(page)).toContainText("TikTok Pixel: Refused");

  // 3. space frees up: the next choice is stored, with everything decided in this page view
  await page.evaluate(() => ((window as unknown as { __quotaFree: boolean }).__quotaFree = true));
  await inMain(page, "TikTok Pixel").click();
  await expect.poll(() => rawRecord(page)).not.toBeNull();
  expect(JSON.parse((await rawRecord(page))!)).toMatchObject({
    method: "inline",
    categories: { analytics: true, advertising: true, functional: true },
    services: { ga4: true, tiktok: true },
  });
  await expect(receipt(page)).not.toContainText(NOT_STORED);
  await expect.poll(() => log.of("tiktok", "script").length).toBe(1);

  // 4. and the next page view knows it (reading works while the quota is full again)
  await page.reload();
  await expect(banner(page)).toBeHidden();
  await expect(typesTable(page).getByRole("switch", { name: "Functional", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(inMain(page, "TikTok Pixel")).toHaveAttribute("aria-checked", "true");
  expect(errors).toEqual([]);
});

test("a full quota when withdrawing: the earlier consent is not read back after the reload, and nothing loads", async ({
  page,
  context,
}) => {
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  // an earlier visit granted everything; since then the storage has filled up
  await seedRecord(page, JSON.stringify(storedRecord()), ORIGIN);
  await context.addInitScript(fillQuota);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await expect(banner(page)).toBeHidden();
  await expect.poll(async () => (await held(page, context)).cookies.length).toBe(6);

  log.clear();
  await Promise.all([
    page.waitForEvent("load"),
    receipt(page).getByRole("button", { name: "Withdraw all consent" }).click(),
  ]);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  // the withdrawal could not be stored, so the visitor is asked again; the old grant is gone with it
  expect(await rawRecord(page)).toBeNull();
  await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeVisible();
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  expect(log.requests).toEqual([]);
  await expectNoVendorStorage(page, context);
  expect(await nonEssential(page, context)).toEqual([]);
  expect(errors).toEqual([]);
});

test("storage blocked: withdrawing after the vendors ran deletes their cookies, and nothing loads after the reload", async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    }
  });
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(async () => (await context.cookies()).length).toBe(6);
  await expect(receipt(page)).toContainText(NOT_STORED);
  await expect(receipt(page)).toContainText("TikTok Pixel: Allowed");

  log.clear();
  await Promise.all([
    page.waitForEvent("load"),
    receipt(page).getByRole("button", { name: "Withdraw all consent" }).click(),
  ]);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  expect(log.requests).toEqual([]);
  expect(errors).toEqual([]);
});
