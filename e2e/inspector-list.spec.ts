// The storage inspector lists what the browser really holds for this site, labelled from the registry.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { inspector, inspectorReady, ORIGIN, POLICY, pageErrors, row, seedStorage } from "./fixtures/inspector";

test.describe("the storage inspector lists", () => {
  test("a localStorage key, a sessionStorage key, a script cookie and an HttpOnly cookie, with labels", async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: "ims_auth", value: "secret-token", url: ORIGIN, httpOnly: true },
      { name: "_ga_ABC", value: "GS1.1.1700000000", url: ORIGIN },
    ]);
    await seedStorage(page, { local: { "mystery-key": "1" }, session: { tt_sessionId: "abc" } });
    const errors = pageErrors(page);
    await page.goto(POLICY);
    await inspectorReady(page);

    // what the browser holds, through its own APIs
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "ims_auth")?.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain("ims_auth");

    const ls = row(page, "localStorage:mystery-key");
    await expect(ls).toBeVisible();
    await expect(ls.getByText("Undeclared", { exact: true })).toBeVisible();
    await expect(ls).toContainText("Local storage · 24 bytes"); // 2 bytes × 12 UTF-16 units ("mystery-key" + "1")

    const ss = row(page, "sessionStorage:tt_sessionId");
    await expect(ss).toContainText("TikTok Pixel");
    await expect(ss).toContainText("Advertising");

    const ga = row(page, "cookie:_ga_ABC");
    await expect(ga).toContainText("Google Analytics 4");
    await expect(ga).toContainText("Declared duration: 2 years");
    await expect(ga.getByText("Undeclared", { exact: true })).toHaveCount(0);

    const httpOnly = row(page, "cookie:ims_auth");
    await expect(httpOnly).toContainText("HttpOnly or other path");
    await expect(httpOnly).toContainText("Strictly Necessary");
    await expect(httpOnly.getByRole("button", { name: /^Show value/ })).toHaveCount(0);
    await expect(inspector(page)).not.toContainText("secret-token");

    for (const name of ["mystery-key", "tt_sessionId", "_ga_ABC", "ims_auth"]) {
      await expect(inspector(page).getByRole("button", { name: `Delete ${name}` })).toBeVisible();
    }
    expect(errors).toEqual([]);
  });

  test("values stay hidden until revealed, and are shown as text", async ({ page }) => {
    await seedStorage(page, { local: { note: "<b>bold?</b>" } });
    await page.goto(POLICY);
    await inspectorReady(page);
    const r = row(page, "localStorage:note");
    await expect(inspector(page)).not.toContainText("bold?");
    await r.getByRole("button", { name: "Show value of note" }).click();
    await expect(inspector(page).getByText("<b>bold?</b>", { exact: true })).toBeVisible();
    await expect(inspector(page).locator("b", { hasText: "bold?" })).toHaveCount(0);
    await r.getByRole("button", { name: "Hide value of note" }).click();
    await expect(inspector(page)).not.toContainText("bold?");
  });

  test("updates by itself within a second when this tab or another adds or removes something", async ({
    page,
    context,
  }) => {
    await page.goto(POLICY);
    await inspectorReady(page);
    // this tab's own script: no event fires, the light poll sees it
    await page.evaluate(() => localStorage.setItem("added-here", "1"));
    await expect(row(page, "localStorage:added-here")).toBeVisible({ timeout: 1500 });
    await page.evaluate(() => {
      document.cookie = "added_cookie=1; path=/";
    });
    await expect(row(page, "cookie:added_cookie")).toBeVisible({ timeout: 1500 });

    // another tab: the storage event
    const other = await context.newPage();
    await other.goto(`${ORIGIN}/__seed-not-a-page`);
    await other.evaluate(() => localStorage.setItem("from-other-tab", "1"));
    await expect(row(page, "localStorage:from-other-tab")).toBeVisible({ timeout: 1500 });
    await other.evaluate(() => localStorage.removeItem("added-here"));
    await expect(row(page, "localStorage:added-here")).toHaveCount(0, { timeout: 1500 });
  });

  test("does no work while the tab is hidden, and catches up when it is shown", async ({ page }) => {
    await page.goto(POLICY);
    await inspectorReady(page);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
        Object.defineProperty(document, "visibilityState", {
          configurable: true,
          get: () => (h ? "hidden" : "visible"),
        });
        document.dispatchEvent(new Event("visibilitychange"));
      }, hidden);
    await setHidden(true);
    await page.evaluate(() => localStorage.setItem("while-hidden", "1"));
    await page.waitForTimeout(2500);
    await expect(row(page, "localStorage:while-hidden")).toHaveCount(0);
    await setHidden(false);
    await expect(row(page, "localStorage:while-hidden")).toBeVisible({ timeout: 1000 });
  });

  test("at 375 px wide, with rows and a value shown, the page never scrolls sideways", async ({ page, context }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await context.addCookies([{ name: "ims_auth", value: "1", url: ORIGIN, httpOnly: true }]);
    await seedStorage(page, { local: { "mystery-key": "x".repeat(5000), [`long-${"k".repeat(300)}`]: "1" } });
    await page.goto(POLICY);
    await inspectorReady(page);
    await row(page, "localStorage:mystery-key").getByRole("button", { name: "Show value of mystery-key" }).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("axe finds no violations with the inspector full of rows, light and dark", async ({ page, context }) => {
    await context.addCookies([{ name: "ims_auth", value: "1", url: ORIGIN, httpOnly: true }]);
    await seedStorage(page, { local: { "mystery-key": "1", "candor:theme": "x" }, session: { tt_sessionId: "abc" } });
    await page.goto(POLICY);
    await inspectorReady(page);
    await row(page, "localStorage:mystery-key").getByRole("button", { name: "Show value of mystery-key" }).click();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page })
        .include(".ins")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      expect(
        results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
  });
});

test.describe("hostile and heavy content", () => {
  test("non-Latin and emoji keys, empty values and markup render as text, and nothing executes", async ({ page }) => {
    await seedStorage(page, {
      local: {
        "ключ-данных": "значение",
        "键🍪": "😀",
        "empty-value": "",
        '<img src=x onerror="window.__pwned=1">': '<script>window.__pwned=2</script><svg onload="window.__pwned=3">',
      },
      session: { '"><iframe src=javascript:window.__pwned=4>': "</td></tr></table><h1>not a heading</h1>" },
    });
    const errors = pageErrors(page);
    await page.goto(POLICY);
    await inspectorReady(page);
    const ins = inspector(page);
    await expect(ins.getByText("ключ-данных", { exact: true })).toBeVisible();
    await expect(ins.getByText("键🍪", { exact: true })).toBeVisible();
    await expect(ins.getByText('<img src=x onerror="window.__pwned=1">', { exact: true })).toBeVisible();
    await expect(row(page, "localStorage:键🍪")).toContainText("Local storage · 10 bytes"); // 2 × (3 + 2) UTF-16 units: emoji are pairs

    for (const name of ["ключ-данных", "键🍪", "empty-value", '<img src=x onerror="window.__pwned=1">']) {
      await ins.getByRole("button", { name: `Show value of ${name}` }).click();
    }
    await ins.getByRole("button", { name: /^Show value of "><iframe/ }).click();
    await expect(ins.getByText("значение", { exact: true })).toBeVisible();
    await expect(ins.getByText("(empty value)")).toBeVisible();
    await expect(
      ins.getByText('<script>window.__pwned=2</script><svg onload="window.__pwned=3">', { exact: true }),
    ).toBeVisible();
    await expect(ins.getByText("</td></tr></table><h1>not a heading</h1>", { exact: true })).toBeVisible();

    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(ins.locator("img, script, svg[onload], iframe, h1")).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("a 1 MB value is listed and previewed, truncated", async ({ page }) => {
    await seedStorage(page, { local: { big: "x".repeat(1024 * 1024) } });
    const errors = pageErrors(page);
    await page.goto(POLICY);
    await inspectorReady(page);
    const r = row(page, "localStorage:big");
    await expect(r).toContainText("2.1 MB");
    await r.getByRole("button", { name: "Show value of big" }).click();
    await expect(inspector(page).getByText("Showing the first 10,000 of 1,048,576 characters.")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("2,000 keys are listed page by page, and filtering finds one", async ({ page }) => {
    await page.goto(`${ORIGIN}/__seed-not-a-page`);
    await page.evaluate(() => {
      for (let i = 0; i < 2000; i++) localStorage.setItem(`bulk-${String(i).padStart(4, "0")}`, `value ${i}`);
    });
    const errors = pageErrors(page);
    await page.goto(POLICY);
    await inspectorReady(page);
    const ins = inspector(page);
    await expect(ins).toHaveAttribute("data-count", "2000");
    await expect(ins.getByText("Showing 1–50 of 2,000")).toBeVisible();
    await expect(ins.locator("tbody tr[data-row]")).toHaveCount(50);
    await ins.getByRole("button", { name: "Next page" }).click();
    await expect(ins.getByText("Showing 51–100 of 2,000")).toBeVisible();
    await expect(row(page, "localStorage:bulk-0050")).toBeVisible();
    await ins.getByRole("searchbox", { name: "Filter by name or purpose" }).fill("bulk-1999");
    await expect(ins.locator("tbody tr[data-row]")).toHaveCount(1);
    await expect(row(page, "localStorage:bulk-1999")).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test("reads nothing until the visitor comes near it, then lists what is stored", async ({ page }) => {
  await seedStorage(page, { local: { "near-probe": "1" } });
  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/storage/cookies")) asked.push(r.url());
  });
  await page.goto(POLICY);
  await expect(inspector(page)).toHaveAttribute("data-state", "loading");
  await page.waitForTimeout(500);
  await expect(inspector(page)).toHaveAttribute("data-state", "loading");
  expect(asked, "no cookie question to the server before the visitor gets there").toEqual([]);
  await inspectorReady(page);
  await expect(row(page, "localStorage:near-probe")).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);
});
