// The islands around the inspector: storage usage against the real limit, the privacy signals the
// browser sends, and the browser guide that puts the visitor's browser first.
import { expect, test } from "@playwright/test";
import { islandsLive, POLICY, seedStorage } from "./fixtures/inspector";

const FIREFOX_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const BROWSERS = ["Google Chrome", "Microsoft Edge", "Mozilla Firefox", "Apple Safari"];

test.describe("storage usage", () => {
  const usage = (page: import("@playwright/test").Page) =>
    page.getByRole("region", { name: "How much of your browser's storage this site uses" });

  test("shows the characters this site uses in each area against 5,242,880", async ({ page }) => {
    await seedStorage(page, { local: { k: "x".repeat(9_999) }, session: { s: "ab" } });
    await page.goto(POLICY);
    const u = usage(page);
    // it reads nothing until the visitor comes near it
    await expect(u).toHaveAttribute("data-state", "loading");
    await page.waitForTimeout(300);
    await expect(u).toHaveAttribute("data-state", "loading");
    await islandsLive(page);
    await u.scrollIntoViewIfNeeded();
    await u.getByText("Details", { exact: true }).click(); // the figures are folded under one sentence
    await expect(u.locator('[data-area="localStorage"]')).toContainText(
      "10,000 of 5,242,880 characters used (20 kB at 2 bytes each).",
    );
    await expect(u.locator('[data-area="localStorage"]')).toContainText("0.19% of the limit");
    await expect(u.locator('[data-area="sessionStorage"]')).toContainText(
      "3 of 5,242,880 characters used (6 bytes at 2 bytes each).",
    );
    await expect(u.getByRole("meter", { name: "Local storage" })).toHaveAttribute("value", "10000");
    await expect(
      page.getByText('The policy we published before this page said "up to 10MB per domain"; that was wrong.'),
    ).toBeVisible();
  });

  test("the limit it states is the one this browser enforces", async ({ page }) => {
    await page.goto(POLICY);
    const result = await page.evaluate(() => {
      localStorage.clear();
      const limit = 5_242_880;
      localStorage.setItem("k", "x".repeat(limit - 1)); // exactly the limit, key included
      let oneMore = "accepted";
      try {
        localStorage.setItem("y", "");
      } catch (e) {
        oneMore = (e as DOMException).name;
      }
      localStorage.clear();
      return oneMore;
    });
    expect(result).toBe("QuotaExceededError");
  });
});

test.describe("privacy signals", () => {
  const signals = (page: import("@playwright/test").Page) =>
    page.getByRole("table", { name: "Privacy signals and settings in your browser" });

  test("reports Global Privacy Control when the browser sends it, and what the site does", async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true }),
    );
    await page.goto(POLICY);
    const gpc = signals(page).getByRole("row", { name: /Global Privacy Control/ });
    await expect(gpc.getByRole("cell").first()).toHaveText("On");
    await expect(gpc).toContainText("TikTok Pixel");
    await expect(
      signals(page)
        .getByRole("row", { name: /^Cookies/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("On");
    await expect(
      signals(page)
        .getByRole("row", { name: /^Local storage/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("On");
  });

  test("says when a signal is not sent or not supported", async ({ page }) => {
    await page.goto(POLICY);
    // Chromium has no navigator.globalPrivacyControl, and sends no Do Not Track by default
    await expect(
      signals(page)
        .getByRole("row", { name: /Global Privacy Control/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("Not supported by this browser");
    await expect(
      signals(page)
        .getByRole("row", { name: /Do Not Track/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("Not sent");
    expect(await page.evaluate(() => localStorage.getItem("candor:probe"))).toBeNull();
  });
});

test.describe("the browser guide", () => {
  test("shows this browser's steps first and folds the others", async ({ page }) => {
    await page.goto(POLICY);
    const guide = page.locator(".browser-guide");
    await expect(guide.getByText("You seem to be using Google Chrome: its steps come first.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Google Chrome" })).toBeVisible();
    for (const name of BROWSERS.slice(1)) await expect(page.getByRole("heading", { name })).toBeHidden();
    const others = page.getByRole("button", { name: "Steps for other browsers" });
    await expect(others).toHaveAttribute("aria-expanded", "false");
    await others.click();
    for (const name of BROWSERS) await expect(page.getByRole("heading", { name })).toBeVisible();
  });

  test("puts Firefox first for a Firefox visitor", async ({ browser }) => {
    const context = await browser.newContext({ userAgent: FIREFOX_UA });
    const page = await context.newPage();
    // a Firefox visitor has no User-Agent Client Hints
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "userAgentData", { get: () => undefined, configurable: true }),
    );
    await page.goto(POLICY);
    await expect(page.getByText("You seem to be using Mozilla Firefox: its steps come first.")).toBeVisible();
    const headings = await page.locator(".browser-guide h3:visible").allTextContents();
    expect(headings.map((h) => h.replace(/#$/, ""))).toEqual(["Mozilla Firefox"]);
    await context.close();
  });

  test("a table-of-contents link to a folded browser unfolds it", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(POLICY);
    await expect(page.getByRole("heading", { name: "Apple Safari" })).toBeHidden();
    await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Apple Safari" }).click();
    await expect(page.getByRole("heading", { name: "Apple Safari" })).toBeInViewport();
  });

  test("without JavaScript, and in print, every browser's steps are there in the order written; live controls are not offered", async ({
    browser,
    page,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(POLICY);
    expect((await noJs.locator(".browser-guide h3").allTextContents()).map((h) => h.replace(/#$/, ""))).toEqual(
      BROWSERS,
    );
    for (const name of BROWSERS) await expect(noJs.getByRole("heading", { name })).toBeVisible();
    // the live islands need JavaScript: without it they are not offered at all
    expect(await noJs.locator(".ins:visible").count()).toBe(0);
    await expect(noJs.getByRole("region", { name: "What this site holds in your browser now" })).toBeHidden();
    await expect(noJs.getByRole("group", { name: "Theme" })).toBeHidden();
    await expect(noJs.getByRole("button", { name: /^Hide table/ }).first()).toBeHidden();
    await context.close();

    await page.goto(POLICY);
    await expect(page.getByRole("heading", { name: "Apple Safari" })).toBeHidden();
    await page.emulateMedia({ media: "print" });
    for (const name of BROWSERS) await expect(page.getByRole("heading", { name })).toBeVisible();
  });
});
