// The theme control: applies at once, is remembered only with Functional consent, and never flashes.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import { banner, seedRecord, storedRecord, typesTable } from "./consent-helpers";
import { POLICY, pageErrors } from "./fixtures/inspector";

const THEME_KEY = "candor:theme";
const DARK_BG = "rgb(18, 20, 23)";
const LIGHT_BG = "rgb(251, 250, 248)";

const theme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-theme"));
/** The theme-color browsers use: the first <meta name="theme-color"> whose media matches. */
const browserUiColor = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].find(
        (m) => !m.media || matchMedia(m.media).matches,
      )?.content ?? null,
  );
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), THEME_KEY);
const control = (page: Page) => page.getByRole("group", { name: "Theme" });

test.beforeEach(async ({ page, context }) => {
  // accepting loads the vendors: their stand-ins answer, nothing reaches the internet
  await routeVendors(context);
  await page.emulateMedia({ colorScheme: "light" });
});

test("without Functional consent the theme applies for this visit only: no key is written", async ({ page }) => {
  await page.goto(POLICY);
  await expect(banner(page)).toBeVisible();
  expect(await browserUiColor(page)).toBe("#fbfaf8");
  await control(page).getByRole("radio", { name: "Dark" }).check();
  expect(await theme(page)).toBe("dark");
  expect(await background(page)).toBe(DARK_BG);
  expect(await browserUiColor(page)).toBe("#121417");
  expect(await stored(page)).toBeNull();

  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await control(page).getByRole("radio", { name: "Light" }).check();
  expect(await theme(page)).toBe("light");
  expect(await stored(page)).toBeNull();

  await page.reload();
  await expect(control(page).getByRole("radio", { name: "System" })).toBeChecked();
  expect(await browserUiColor(page)).toBe("#fbfaf8");
  expect(await theme(page)).toBeNull();
  expect(await stored(page)).toBeNull();
});

test("with Functional consent the theme is remembered across a reload, applied before any app code runs", async ({
  page,
  context,
}) => {
  const errors = pageErrors(page);
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await control(page).getByRole("radio", { name: "Dark" }).check();
  const record = JSON.parse((await stored(page)) ?? "null");
  expect(record).toMatchObject({ v: 1, value: "dark" });
  expect(Math.abs(record.savedAt - Date.now())).toBeLessThan(60_000);

  await page.reload();
  await expect(control(page).getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await theme(page)).toBe("dark");
  // the browser's own interface follows: the first theme-color that applies is the dark one
  expect(await browserUiColor(page)).toBe("#121417");
  expect(errors).toEqual([]);

  // No flash: with every script bundle blocked, only the inline head script runs, and the page is dark
  await context.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.reload();
  expect(await theme(page)).toBe("dark");
  expect(await background(page)).toBe(DARK_BG);
  await context.unroute("**/_next/static/**/*.js");

  await page.reload();
  const results = await new AxeBuilder({ page }).withTags(["wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a choice made before consenting is kept once Functional is granted", async ({ page }) => {
  await page.goto(POLICY);
  await control(page).getByRole("radio", { name: "Dark" }).check();
  expect(await stored(page)).toBeNull();
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(async () => JSON.parse((await stored(page)) ?? "null")?.value).toBe("dark");
});

test("withdrawing Functional deletes the key and falls back to the default theme", async ({ page }) => {
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await control(page).getByRole("radio", { name: "Dark" }).check();
  expect(await stored(page)).not.toBeNull();

  await typesTable(page).getByRole("switch", { name: "Functional", exact: true }).click();
  await expect(control(page).getByRole("radio", { name: "System" })).toBeChecked();
  expect(await stored(page)).toBeNull();
  expect(await theme(page)).toBeNull();
  expect(await background(page)).toBe(LIGHT_BG);
  await page.reload();
  expect(await theme(page)).toBeNull();
});

test("a corrupt or expired stored theme is dropped silently and the default applies", async ({ page }) => {
  const errors = pageErrors(page);
  for (const raw of [
    "{not json",
    JSON.stringify({ v: 1, value: "dark", savedAt: Date.now() - 400 * 86_400_000 }),
    JSON.stringify({ v: 1, value: "purple", savedAt: Date.now() }),
  ]) {
    await seedRecord(page, JSON.stringify(storedRecord()));
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [THEME_KEY, raw]);
    await page.goto(POLICY);
    await expect(control(page).getByRole("radio", { name: "System" })).toBeChecked();
    expect(await theme(page), raw).toBeNull();
    await expect.poll(() => stored(page), { message: raw }).toBeNull();
  }
  expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
});

test("the theme control works from the keyboard", async ({ page }) => {
  await page.goto(POLICY);
  const system = control(page).getByRole("radio", { name: "System" });
  await expect(system).toBeEnabled(); // disabled until the page's script has started
  await system.focus();
  await expect(system).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(control(page).getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await theme(page)).toBe("dark");
  await page.keyboard.press("ArrowLeft");
  await expect(control(page).getByRole("radio", { name: "Light" })).toBeChecked();
  expect(await theme(page)).toBe("light");
});

test("at 320 px wide the header with the theme control never pushes the page sideways", async ({ page }) => {
  for (const path of ["/en/cookie-policy", "/de/cookie-policy"]) {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    const radios = page.locator(".theme-control input[type=radio]");
    await expect(radios).toHaveCount(3);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
    for (const box of await Promise.all((await radios.all()).map((r) => r.boundingBox()))) {
      expect(Math.min(box?.width ?? 0, box?.height ?? 0), "target size").toBeGreaterThanOrEqual(24);
    }
  }
});
