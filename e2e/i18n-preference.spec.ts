// "/" sends each visitor to their edition: the language they picked (remembered only with Functional
// consent, for as long as the registry declares), else their browser's Accept-Language.
import { expect, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";

const PREFERENCE = "candor:locale";

async function newVisitor(browser: import("@playwright/test").Browser, acceptLanguage: string) {
  const context = await browser.newContext({
    locale: acceptLanguage.split(",")[0],
    extraHTTPHeaders: { "Accept-Language": acceptLanguage },
  });
  await routeVendors(context);
  return { context, page: await context.newPage() };
}

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), PREFERENCE);

/** Switches Functional on or off with the policy's own inline switch (English edition). */
async function setFunctional(page: Page, on: boolean) {
  const sw = page.getByRole("main").getByRole("switch", { name: "Functional", exact: true }).last();
  await expect(sw).toBeEnabled();
  if ((await sw.getAttribute("aria-checked")) !== String(on)) await sw.click();
  await expect(sw).toHaveAttribute("aria-checked", String(on));
}

async function switchTo(page: Page, language: "Deutsch" | "English") {
  await page
    .getByRole("navigation", { name: /^(Language|Sprache)$/ })
    .getByRole("link", { name: language })
    .click();
  await expect(page).toHaveURL(language === "Deutsch" ? /\/de\/cookie-policy$/ : /\/en\/cookie-policy$/);
}

test("without a stored choice, / and /cookie-policy follow Accept-Language", async ({ browser }) => {
  const de = await newVisitor(browser, "de-DE,de;q=0.9,en;q=0.5");
  await de.page.goto("/");
  await expect(de.page).toHaveURL(/\/de\/cookie-policy$/);
  await de.page.goto("/cookie-policy");
  await expect(de.page).toHaveURL(/\/de\/cookie-policy$/);
  await de.context.close();
  const fr = await newVisitor(browser, "fr-FR,fr;q=0.9");
  await fr.page.goto("/");
  await expect(fr.page).toHaveURL(/\/en\/cookie-policy$/);
  await fr.context.close();
});

test("with Functional consent, the language picked in the switcher wins over Accept-Language at /", async ({
  browser,
}) => {
  const { context, page } = await newVisitor(browser, "en-GB,en;q=0.9");
  await page.goto("/en/cookie-policy");
  await setFunctional(page, true);
  const before = Date.now();
  await switchTo(page, "Deutsch");
  const saved = JSON.parse((await stored(page)) ?? "null") as { locale: string; savedAt: number } | null;
  expect(saved?.locale).toBe("de");
  expect(saved!.savedAt).toBeGreaterThanOrEqual(before - 1000);
  await page.goto("/");
  await expect(page).toHaveURL(/\/de\/cookie-policy$/);
  // a section link through / keeps its anchor
  await page.goto("/#changes");
  await expect(page).toHaveURL(/\/de\/cookie-policy#changes$/);
  await expect(page.getByRole("heading", { name: "Änderungen dieser Richtlinie" })).toBeInViewport();
  // picking English again is remembered too
  await switchTo(page, "English");
  await page.goto("/cookie-policy");
  await expect(page).toHaveURL(/\/en\/cookie-policy$/);
  await context.close();
});

test("without Functional consent nothing is stored, and / follows Accept-Language", async ({ browser }) => {
  const { context, page } = await newVisitor(browser, "en-US,en;q=0.9");
  await page.goto("/en/cookie-policy");
  await page
    .getByRole("region", { name: "Cookies on IMsupporting" })
    .getByRole("button", { name: "Reject all" })
    .click();
  await switchTo(page, "Deutsch");
  expect(await stored(page)).toBeNull();
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/cookie-policy$/);
  await context.close();
});

test("withdrawing Functional consent deletes the stored language", async ({ browser }) => {
  const { context, page } = await newVisitor(browser, "en-US,en;q=0.9");
  await page.goto("/en/cookie-policy");
  await setFunctional(page, true);
  await switchTo(page, "Deutsch");
  expect(await stored(page)).not.toBeNull();
  await switchTo(page, "English");
  await setFunctional(page, false);
  await expect.poll(() => stored(page)).toBeNull();
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/cookie-policy$/);
  await context.close();
});

test("a stored language older than its declared year, or tampered with, is ignored", async ({ browser }) => {
  const { context, page } = await newVisitor(browser, "en-US,en;q=0.9");
  await page.goto("/en/cookie-policy");
  await setFunctional(page, true);
  const store = (value: string) => page.evaluate(([key, v]) => localStorage.setItem(key!, v!), [PREFERENCE, value]);
  const twoYearsAgo = Date.now() - 2 * 366 * 86_400_000;
  for (const preference of [
    JSON.stringify({ locale: "de", savedAt: twoYearsAgo }),
    JSON.stringify({ locale: "xx", savedAt: Date.now() }),
    "de",
    "{broken",
  ]) {
    await store(preference);
    await page.goto("/");
    await expect(page, preference).toHaveURL(/\/en\/cookie-policy$/);
  }
  // and a fresh, well-formed one is honoured: the cases above failed for the right reason
  await store(JSON.stringify({ locale: "de", savedAt: Date.now() - 86_400_000 }));
  await page.goto("/");
  await expect(page).toHaveURL(/\/de\/cookie-policy$/);
  await context.close();
});

test("without JavaScript, / still leads to the Accept-Language edition", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "de-DE",
    extraHTTPHeaders: { "Accept-Language": "de" },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/de\/cookie-policy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Cookie- und Speicherrichtlinie" })).toBeVisible();
  await context.close();
});
