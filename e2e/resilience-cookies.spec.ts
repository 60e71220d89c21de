// Cookies disabled: Chromium set to block all cookies (which also blocks localStorage and
// sessionStorage, as in real browsers), and a document whose cookie property throws (a sandboxed frame,
// a privacy extension). The page and the choices keep working, nothing is granted by accident.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { chromiumExecutable, quietChromiumArgs } from "../lib/testing/chromium";
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
  typesTable,
} from "./consent-helpers";

const receipt = (page: Page) => page.locator(".cc-receipt");

test.describe("Chromium set to block all cookies", () => {
  let dir: string;
  let context: BrowserContext;

  test.beforeEach(async ({ playwright }) => {
    // the content setting "Don't allow sites to save data" (cookies: 2 = block), in a profile of our own
    dir = mkdtempSync(path.join(os.tmpdir(), "candor-no-cookies-"));
    mkdirSync(path.join(dir, "Default"));
    writeFileSync(
      path.join(dir, "Default", "Preferences"),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    context = await playwright.chromium.launchPersistentContext(dir, {
      executablePath: chromiumExecutable(),
      args: [...quietChromiumArgs, "--host-resolver-rules=MAP *.candor.test 127.0.0.1, MAP candor.test 127.0.0.1"],
    });
  });

  test.afterEach(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the banner, dialog, switches and receipt work for the page view; nothing is stored; withdrawal leaves nothing", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const log = await routeVendors(context);
    const errors = pageErrors(page);
    await page.goto(POLICY_ON_SUBDOMAIN);
    // the profile really blocks: the test is about that browser
    expect(
      await page.evaluate(() => {
        document.cookie = "probe=1; Path=/";
        return document.cookie;
      }),
    ).toBe("");
    expect(
      await page.evaluate(() => {
        try {
          void localStorage.length;
          return "readable";
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe("SecurityError");

    await expect(page.getByRole("heading", { level: 1, name: "Cookie & Storage Policy" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(log.requests).toEqual([]);

    // Customize: a choice in the dialog
    await banner(page).getByRole("button", { name: "Customize" }).click();
    await dialog(page).getByRole("switch", { name: "Google Analytics 4", exact: true }).click();
    await dialog(page).getByRole("button", { name: "Save choices" }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(banner(page).getByText("Your browser did not let us store this choice")).toBeVisible();
    // granted for this page view: the script runs, and the browser refuses what it tries to store
    await expect.poll(() => log.of("ga4", "beacon").length).toBeGreaterThan(0);
    expect(log.of("tiktok")).toEqual([]);
    expect(await context.cookies()).toEqual([]);

    // an inline switch on top of it
    const functional = typesTable(page).getByRole("switch", { name: "Functional", exact: true });
    await functional.click();
    await expect(functional).toHaveAttribute("aria-checked", "true");
    await expect(receipt(page)).toContainText("This choice could not be stored in your browser");
    await expect(receipt(page)).toContainText("Google Analytics 4: Allowed");
    await expect(receipt(page)).toContainText("Functional: Allowed");

    // withdrawal: the reload asks again, and nothing loads
    log.clear();
    await Promise.all([
      page.waitForEvent("load"),
      receipt(page).getByRole("button", { name: "Withdraw all consent" }).click(),
    ]);
    await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(log.requests).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test("document.cookie throwing: choices are stored, vendors cannot leave cookies, withdrawal deletes what they stored elsewhere", async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    const refuse = () => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    };
    Object.defineProperty(Document.prototype, "cookie", { configurable: true, get: refuse, set: refuse });
  });
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY_ON_SUBDOMAIN);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page).getByText("You've accepted additional cookies.")).toBeVisible();
  await expect(banner(page).getByText("Your browser did not let us store this choice")).toBeHidden();
  const record = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY))!);
  expect(record).toMatchObject({ method: "banner-accept-all", services: { ga4: true, tiktok: true } });
  await expect.poll(() => log.of("tiktok", "beacon").length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await held(page, context)).sessionStorage)
    .toEqual(["tt_appInfo", "tt_pixel_session_index", "tt_sessionId"]);
  expect(await context.cookies()).toEqual([]);
  await expect(receipt(page)).toContainText(record.id);

  await Promise.all([
    page.waitForEvent("load"),
    receipt(page).getByRole("button", { name: "Withdraw all consent" }).click(),
  ]);
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY))!)).toMatchObject({
    method: "withdraw",
  });
  await expectNoVendorStorage(page, context);
  expect(await nonEssential(page, context)).toEqual([]);
  expect(errors).toEqual([]);
});
