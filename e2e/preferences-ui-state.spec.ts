// The policy page's UI state (folded declaration tables, the other browsers' steps): it applies at once,
// and is remembered in candor:ui only with Functional consent.
import { expect, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import { banner, typesTable } from "./consent-helpers";
import { POLICY } from "./fixtures/inspector";

const UI_KEY = "candor:ui";
const TABLE = "Functional: cookies and storage";
const table = (page: Page) => page.getByRole("table", { name: TABLE });
const toggle = (page: Page, verb: "Hide" | "Show") => page.getByRole("button", { name: `${verb} table ${TABLE}` });
const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null"), UI_KEY);

test.beforeEach(async ({ context }) => {
  await routeVendors(context);
});

test("folding a declaration table without Functional consent holds for this visit, and writes nothing", async ({
  page,
}) => {
  await page.goto(POLICY);
  await toggle(page, "Hide").click();
  await expect(table(page)).toBeHidden();
  await expect(toggle(page, "Show")).toHaveAttribute("aria-expanded", "false");
  expect(await stored(page)).toBeNull();
  await page.reload();
  await expect(table(page)).toBeVisible();
});

test("with Functional consent the fold is remembered, hidden before any app code runs, and still printed", async ({
  page,
  context,
}) => {
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await toggle(page, "Hide").click();
  expect(await stored(page)).toMatchObject({ v: 1, value: { sections: { "declaration-functional": "closed" } } });

  await page.reload();
  await expect(table(page)).toBeHidden();
  await expect(toggle(page, "Show")).toHaveAttribute("aria-expanded", "false");

  // the head script hides it in the first frame: no jump when the app starts
  await context.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.reload();
  await expect(table(page)).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(table(page)).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await context.unroute("**/_next/static/**/*.js");

  // open again: the stand-in style is gone, React shows it
  await page.reload();
  await toggle(page, "Show").click();
  await expect(table(page)).toBeVisible();
  expect(await stored(page)).toMatchObject({ value: { sections: { "declaration-functional": "open" } } });
});

test("withdrawing Functional deletes candor:ui and unfolds everything", async ({ page }) => {
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await toggle(page, "Hide").click();
  expect(await stored(page)).not.toBeNull();
  await typesTable(page).getByRole("switch", { name: "Functional", exact: true }).click();
  await expect(table(page)).toBeVisible();
  expect(await stored(page)).toBeNull();
});

test("the other browsers' steps stay open once opened, with consent", async ({ page }) => {
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  const others = page.getByRole("button", { name: "Steps for other browsers" });
  await expect(others).toHaveAttribute("aria-expanded", "false");
  await others.click();
  await expect(page.getByRole("heading", { name: "Mozilla Firefox" })).toBeVisible();
  expect(await stored(page)).toMatchObject({ value: { sections: { "browser-guide-others": "open" } } });
  await page.reload();
  await expect(page.getByRole("button", { name: "Steps for other browsers" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("heading", { name: "Mozilla Firefox" })).toBeVisible();
});
