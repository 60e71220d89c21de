// What the policy page ships (issue 15). Its stylesheets are inline, once: neither the global error page's
// styles nor the payload's copy of the page's own are in its RSC payload. The policy text that holds nothing live is in the HTML only,
// not a second time in the payload (components/server-html.tsx). Code the first view does not need is not in the page's first scripts: the vendors' loaders arrive at the
// first grant, the consent receipt's code when the browser is idle (the receipt's server HTML stands in
// until then). Found by what each chunk contains, since chunk names change with every build.
import { expect, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import { banner, POLICY, pageErrors } from "./consent-helpers";
import { inspectorReady, islandsLive, ORIGIN, row } from "./fixtures/inspector";

const MARKS = {
  consent: "candor:consent-log", // the consent client every page loads (the outbox's key)
  receipt: "cc-receipt-row", // the receipt's rows
  vendors: "TiktokAnalyticsObject", // the TikTok loader
  inspector: "clear-site-data", // the storage inspector's Delete all
  meter: "usage-sentence", // the storage meter
  guide: "browser-guide-others", // the browser guide's fold
} as const;

/** Which marks the JavaScript the page has fetched so far carries. */
function loadedCode(page: Page) {
  const bodies: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/_next/static/") && r.url().endsWith(".js"))
      r.text().then(
        (t) => void bodies.push(t),
        () => undefined,
      );
  });
  return () =>
    Object.entries(MARKS)
      .filter(([, mark]) => bodies.some((b) => b.includes(mark)))
      .map(([name]) => name);
}

/** Holds back the page's script chunks (only those whose code carries `mark`, when given) until the
 * returned function is called. */
async function holdScripts(page: Page, mark?: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (mark === undefined || body.includes(mark)) await held;
    await route.fulfill({ response, body });
  });
  return () => release();
}

test("the page's first scripts carry neither the receipt's, the inspector's nor the vendors' code", async ({
  request,
}) => {
  const html = await (await request.get(POLICY)).text();
  const srcs = [...new Set(html.match(/\/_next\/static\/chunks\/[\w.-]+\.js/g) ?? [])];
  expect(srcs.length).toBeGreaterThan(0);
  const code = await Promise.all(srcs.map(async (src) => (await request.get(src)).text()));
  const has = (mark: string) => code.some((c) => c.includes(mark));
  expect(has(MARKS.consent)).toBe(true);
  for (const later of ["receipt", "vendors", "inspector", "meter", "guide"] as const)
    expect(has(MARKS[later]), later).toBe(false);
  // the receipt and the inspector's islands are in the server HTML all the same, as before a decision
  expect(html).toContain('class="cc-receipt not-prose"');
  expect(html).toContain('<div class="browser-guide"><section class="browser-steps" data-browser="chrome">');
  expect(html.match(/<div class="deferred-island" data-deferred="waiting">/g)).toHaveLength(4);
});

test("the page's scripts carry no polyfills for browsers older than the browserslist, but URL.canParse's", async ({
  request,
}) => {
  const html = await (await request.get(POLICY)).text();
  // the noModule chunk is for browsers without modules, which never load the others: it is not fetched here
  const srcs = [...html.matchAll(/<script src="(\/_next\/static\/chunks\/[\w.-]+\.js)"(?![^>]*noModule)/g)].map(
    (m) => m[1],
  );
  const code = (await Promise.all(srcs.map(async (src) => (await request.get(src!)).text()))).join("\n");
  for (const legacy of [
    '"trimStart"in String.prototype',
    "Array.prototype.flat||",
    "Object.hasOwn||",
    "Object.fromEntries||",
  ])
    expect(code, legacy).not.toContain(legacy);
  expect(code).toContain("URL.canParse=");
});

test("the receipt's and the inspector's code arrive when the page is idle, the vendors' only at the first grant", async ({
  page,
  context,
}) => {
  await routeVendors(context);
  const errors = pageErrors(page);
  const loaded = loadedCode(page);
  await page.goto(POLICY);
  await page.waitForLoadState("networkidle");
  const idle = ["consent", "receipt", "inspector", "meter", "guide"];
  await expect.poll(loaded).toEqual(idle);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await page.waitForLoadState("networkidle");
  expect(loaded()).toEqual(idle);
  await banner(page).getByRole("button", { name: "Hide this message" }).click();
  await page.locator(".cc-receipt").scrollIntoViewIfNeeded();
  await expect(page.locator(".cc-receipt")).toContainText("Refused");

  const gaSwitch = page.getByRole("main").getByRole("switch", { name: "Google Analytics 4", exact: true });
  await gaSwitch.click();
  await expect(gaSwitch).toHaveAttribute("aria-checked", "true");
  await expect.poll(loaded).toEqual([...idle.slice(0, 2), "vendors", ...idle.slice(2)]);
  expect(errors).toEqual([]);
});

test("a receipt whose code cannot be loaded says so in its place; the rest of the page works", async ({
  page,
  context,
}) => {
  await routeVendors(context);
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(MARKS.receipt)) await route.abort("failed");
    else await route.fulfill({ response, body });
  });
  await page.goto(POLICY);
  await expect(page.locator(".island-failed").filter({ hasText: "could not run" })).toHaveCount(1);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page).getByText("You've accepted additional cookies.")).toBeVisible();
  // Accept all fetches the vendors' code through the route above: let it finish or drop it quietly
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("the stylesheets are inline and come once: in the head, not again in the RSC payload", async ({
  page,
  request,
}) => {
  const html = await (await request.get(POLICY)).text();
  expect(html).not.toMatch(/<link rel="stylesheet"/);
  // Tailwind's output starts with this layer, the consent stylesheet with this rule. The page shown when
  // the root layout fails has a small stylesheet of its own (its styles are in every page's payload), and
  // the payload's copy of the page's own is emptied after the build (lib/build/payload-styles.ts)
  for (const mark of ["@layer properties", ".cc-banner{display:none}"]) expect(html.split(mark)).toHaveLength(2);
  expect(html.indexOf("@layer properties")).toBeLessThan(html.indexOf("</head>"));
  // React finds the stylesheet in the head by its address and keeps it, through hydration and decisions
  const errors = pageErrors(page);
  await page.goto(POLICY);
  await islandsLive(page);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect(banner(page).getByText("You've rejected additional cookies.")).toBeVisible();
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll("style[data-precedence]")].map((s) => s.textContent?.length ?? 0),
  );
  expect(styles).toHaveLength(1);
  expect(styles[0]).toBeGreaterThan(30_000);
  // and the page is still styled by it
  await expect(page.locator(".cc-banner")).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  expect(errors).toEqual([]);
});

test("the policy text and the head script come once, in the HTML; hydration and consent changes keep them, and nothing reloads", async ({
  page,
  request,
}) => {
  const sentence = "Cookies are small text files that are stored on your device";
  const html = await (await request.get(POLICY)).text();
  // once: in the HTML, and not again in the RSC payload after it
  expect(html.split(sentence)).toHaveLength(2);
  expect(html.indexOf(sentence)).toBeLessThan(html.indexOf("self.__next_f"));
  // so does the head script's source (it runs before React, which needs only its place)
  expect(html.split('d.setAttribute("data-consent","undecided")')).toHaveLength(2);
  const errors = pageErrors(page);
  await page.goto(POLICY);
  await islandsLive(page);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect(banner(page).getByText("You've rejected additional cookies.")).toBeVisible();
  await expect(page.getByText(sentence)).toBeVisible();
  // the steps in the browser guide, rendered anew when its code came, are whole too
  await expect(page.locator(".browser-steps").first().locator("li").first()).not.toBeEmpty();
  // the declaration tables, kept on the server inside their folds, fold and unfold with their rows
  const fold = page.locator('[data-collapsible="declaration-analytics"]');
  await fold.getByRole("button", { name: /Hide table/ }).click();
  await fold.getByRole("button", { name: /Show table/ }).click();
  await expect(fold.getByRole("rowheader", { name: "_ga", exact: true })).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
  expect(
    await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).type),
  ).toBe("navigate");
  expect(errors).toEqual([]);
});

test("what each item is for is in the HTML and in the inspector's labels file, not in the RSC payload", async ({
  page,
  request,
}) => {
  const purpose = "Distinguishes visitors by a random identifier, so Google Analytics can count unique visitors.";
  const html = await (await request.get(POLICY)).text();
  // once: in the declaration table, before the payload
  expect(html.split(purpose)).toHaveLength(2);
  expect(html.indexOf(purpose)).toBeLessThan(html.indexOf("self.__next_f"));
  const labels = await request.get("/en/storage-labels.json");
  expect(labels.headers()["content-type"]).toContain("application/json");
  expect(await labels.json()).toContainEqual(["cookie", "_ga", "Google", purpose, "2 years"]);
  expect(await (await request.get("/de/storage-labels.json")).json()).toContainEqual([
    "cookie",
    "_ga",
    "Google",
    expect.stringContaining("Google Analytics"),
    "2 Jahre",
  ]);
  expect((await request.get("/xx/storage-labels.json")).status()).toBe(404);
  // the live inspector shows it
  await page.context().addCookies([{ name: "_ga", value: "GA1.1.1", url: ORIGIN }]);
  await page.goto(POLICY);
  await inspectorReady(page);
  await expect(row(page, "cookie:_ga")).toContainText(purpose);
  await expect(row(page, "cookie:_ga")).toContainText("Declared duration: 2 years");
});

test("when the labels cannot be fetched, the inspector still knows every declared item, without its texts", async ({
  page,
}) => {
  await page.route("**/storage-labels.json", (route) => route.fulfill({ status: 503, body: "down" }));
  const warnings: string[] = [];
  page.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
  await page.context().addCookies([{ name: "_ga", value: "GA1.1.1", url: ORIGIN }]);
  await page.goto(POLICY);
  await inspectorReady(page);
  const ga = row(page, "cookie:_ga");
  await expect(ga).toContainText("Google Analytics 4");
  await expect(ga).toContainText("Performance & Analytics");
  await expect(ga).toContainText("Declared duration: 2y");
  await expect(ga.getByText("Undeclared", { exact: true })).toHaveCount(0);
  expect(warnings.join("\n")).toContain("could not fetch what each item is for");
});

test("sections out of view are laid out after the page has loaded, one by one; at an anchor, all at once", async ({
  page,
}) => {
  // the page's scripts are held back, so it has not finished loading until the test lets them through
  const release = await holdScripts(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(POLICY, { waitUntil: "domcontentloaded" });
  // while it loads: held back; a section far below the first screen is not laid out yet
  await expect(page.locator("html")).toHaveAttribute("data-lazy-layout", "");
  const sections = page.locator(".policy-section");
  expect(await sections.count()).toBeGreaterThan(5);
  await expect(sections.last()).toHaveCSS("content-visibility", "auto");
  // the list of changes, after the text, waits with the text's sections
  await expect(page.locator(".policy-changes")).toHaveCSS("content-visibility", "auto");
  // loaded: every section is laid out, one by one, and the page lets go
  release();
  await expect(page.locator("html")).not.toHaveAttribute("data-lazy-layout");
  await expect(page.locator(".policy-section[data-laid-out]")).toHaveCount(await sections.count());
  await expect(sections.last()).toHaveCSS("content-visibility", "visible");
  await page.unrouteAll({ behavior: "ignoreErrors" });
  // opened at an anchor on a phone: nothing held back, and the heading is on screen once the islands above
  // it have their code (a smooth scroll used to aim at where it was before they changed size)
  const fresh = await page.context().newPage();
  await fresh.setViewportSize({ width: 390, height: 800 });
  await fresh.goto(`${POLICY}#changes`);
  await expect(fresh.locator("html")).not.toHaveAttribute("data-lazy-layout");
  await islandsLive(fresh);
  await expect(fresh.getByRole("heading", { name: "Changes to this policy" })).toBeInViewport();
  await fresh.close();
});

test("an island hydrated later keeps its server HTML until its code comes, then works, and keeps the focus", async ({
  page,
}) => {
  // the storage meter's code is held back until the test lets it through
  const release = await holdScripts(page, MARKS.meter);
  await page.goto(POLICY);
  const meter = page.getByRole("region", { name: "How much of your browser's storage this site uses" });
  const holder = page.locator(".deferred-island", { has: meter });
  await expect(holder).toHaveAttribute("data-deferred", "waiting");
  // a decision before the code comes re-renders the page around the island: its HTML stays
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect(banner(page).getByText("You've rejected additional cookies.")).toBeVisible();
  await expect(meter.locator(".usage-sentence")).toHaveText("Measuring…");
  await meter.getByText("Details", { exact: true }).focus();
  release();
  await expect(holder).toHaveAttribute("data-deferred", "live");
  // live: it measures once near the viewport, and the focus is where the visitor left it
  await meter.scrollIntoViewIfNeeded();
  await expect(meter).toHaveAttribute("data-state", "ready");
  await expect(meter.locator(".usage-sentence")).not.toHaveText("Measuring…");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Details");
  expect(
    await page.evaluate(() => document.activeElement?.closest("[data-deferred]")?.getAttribute("data-deferred")),
  ).toBe("live");
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
