import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedHeadings, seedTableCaptions, seedTableRows } from "./fixtures/seed";

const POLICY = "/en/cookie-policy";

/** Text of server HTML as a reader sees it: tags dropped, entities decoded, white space folded. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}

test.describe("the policy page, server-rendered", () => {
  test("answers 200 with every seed section heading and table row in the HTML", async ({ request }) => {
    const res = await request.get(POLICY);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/html");
    const html = await res.text();
    const text = visibleText(html);
    for (const heading of seedHeadings) {
      expect(html, `heading "${heading}"`).toMatch(new RegExp(`<h[1-4][^>]*>${escapeHtml(heading)}`));
    }
    for (const caption of seedTableCaptions) expect(text).toContain(caption);
    for (const row of seedTableRows) {
      // cells of one row stand next to each other in the table markup
      expect(text, `table row ${row[0]}`).toContain(row.join(" "));
    }
    expect(html).toContain('href="https://policies.google.com/privacy"');
    expect(html).toContain('href="https://www.tiktok.com/legal/page/row/privacy-policy/en"');
  });

  test("renders the declaration tables from the registry", async ({ page }) => {
    await page.goto(POLICY);
    const analytics = page.getByRole("table", { name: "Performance & Analytics: cookies and storage" });
    await expect(analytics.getByRole("rowheader", { name: "_ga", exact: true })).toBeVisible();
    await expect(analytics.getByRole("rowheader", { name: "_ttp", exact: true })).toHaveCount(0);
    const advertising = page.getByRole("table", { name: "Advertising: cookies and storage" });
    await expect(advertising.getByRole("rowheader", { name: "_ttp", exact: true })).toBeVisible();
    const necessary = page.getByRole("table", { name: "Strictly Necessary: cookies and storage" });
    await expect(necessary.getByRole("rowheader", { name: "candor:consent", exact: true })).toBeVisible();
  });

  test("reads completely with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(POLICY);
    await expect(page.getByRole("heading", { level: 1, name: "Cookie & Storage Policy" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Browser Cookie Controls" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Comparison of Local Storage and Cookies" })).toBeVisible();
    await context.close();
  });
});

test("every table-of-contents link lands on its section", async ({ page }) => {
  test.slow(); // forty-odd links, each clicked and checked
  // instant jumps: smooth scrolling only adds waiting, the landing is what is tested
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(POLICY);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const links = toc.locator("a:visible");
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(seedHeadings.length - 2);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^#.+/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    const target = page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`);
    await expect(target).toHaveCount(1);
    await expect(target).toBeInViewport();
  }
});

test("the table of contents folds on a phone and still leads to the sections", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(POLICY);
  const toc = page.getByRole("navigation", { name: "On this page" });
  await toc.locator("summary").click();
  await toc.getByRole("link", { name: "Browser Cookie Controls" }).click();
  await expect(page.getByRole("heading", { name: "Browser Cookie Controls" })).toBeInViewport();
});

test("/ and /cookie-policy lead to the policy", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/cookie-policy$/);
  await page.goto("/cookie-policy");
  await expect(page).toHaveURL(/\/en\/cookie-policy$/);
});

test("an unknown language or page is a proper 404", async ({ page, request }) => {
  for (const path of ["/xx/cookie-policy", "/en/nothing-here", "/en/cookie-policy/extra"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
  }
  await page.goto("/xx/cookie-policy");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cookie & Storage Policy/ })).toHaveAttribute(
    "href",
    "/en/cookie-policy",
  );
  // it cannot know the visitor's language: every other language follows, marked with its lang
  const de = page.locator('section[lang="de"]');
  await expect(de.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
  await expect(de.getByRole("link", { name: /Cookie- und Speicherrichtlinie/ })).toHaveAttribute(
    "href",
    "/de/cookie-policy",
  );
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("axe finds no accessibility violations", async ({ page }) => {
  await page.goto(POLICY);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("axe finds no violations in dark mode either", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(POLICY);
  const results = await new AxeBuilder({ page }).withTags(["wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("at 375 px wide the page never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(POLICY);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("prints the policy without its controls", async ({ page }) => {
  await page.goto(POLICY);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "On this page" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Browser Cookie Controls" })).toBeVisible();
  // the types table keeps its text columns and drops the column of switches, header included
  const types = page.getByRole("table", { name: "Details of cookies used by IMsupporting" });
  await expect(types.getByRole("columnheader", { name: "Purpose" })).toBeVisible();
  await expect(types.getByRole("columnheader", { name: "Your choice" })).toBeHidden();
  await expect(types.getByRole("cell", { name: /Required for the website to function/ })).toBeVisible();
});

function escapeHtml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
