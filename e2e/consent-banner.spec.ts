// The banner, the preferences dialog, the receipt and the revision prompt, as a visitor meets them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { FIRST_SCREEN_END_ID } from "../lib/site/first-screen";
import { routeVendors } from "../lib/testing/vendors";
import {
  banner,
  dialog,
  expectNoVendorStorage,
  POLICY,
  POLICY_ON_SUBDOMAIN,
  pageErrors,
  typesTable,
} from "./consent-helpers";
import { withHashesOf } from "./csp-helpers";

type FrameWindow = {
  __frames: Array<{ banner: boolean | null; main: boolean; header: boolean; intro: boolean }>;
  __cls: number;
  __watching: boolean;
  __shifts: PerformanceObserver;
  __shifted: string[];
  __add: (entries: PerformanceEntryList) => void;
};

/** The Layout Instability API's entry (not in TypeScript's DOM types yet). */
type LayoutShift = PerformanceEntry & {
  value: number;
  hadRecentInput: boolean;
  sources?: Array<{ node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
};

/**
 * Records, on every animation frame from the very first until told to stop, whether the banner is on
 * screen, and adds up the layout shift.
 */
async function watchFrames(page: Page) {
  await page.addInitScript((introId) => {
    const w = window as unknown as FrameWindow;
    w.__frames = [];
    w.__cls = 0;
    w.__watching = true;
    w.__shifted = [];
    const add = (w.__add = (entries: PerformanceEntryList) => {
      for (const e of entries as LayoutShift[]) {
        if (e.hadRecentInput) continue;
        w.__cls += e.value;
        // what moved, for the failure message
        for (const src of e.sources ?? [])
          w.__shifted.push(
            `${Math.round(e.startTime)} ms: ${(src.node as Element | null)?.outerHTML?.slice(0, 120) ?? "?"} ${JSON.stringify(src.previousRect)} -> ${JSON.stringify(src.currentRect)}`,
          );
      }
    });
    w.__shifts = new PerformanceObserver((list) => add(list.getEntries()));
    w.__shifts.observe({ type: "layout-shift", buffered: true });
    const tick = () => {
      const b = document.querySelector(".cc-banner");
      w.__frames.push({
        banner: b ? b.getBoundingClientRect().height > 0 : null,
        main: !!document.getElementById("main"),
        header: !!document.querySelector(".site-header"),
        intro: !!document.getElementById(introId),
      });
      if (w.__watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, FIRST_SCREEN_END_ID);
}

/**
 * Waits for everything that could still move the page after its first frame — hydration (the switches
 * come alive), the islands' switch to what only the browser knows (the browser guide and the privacy
 * signals), the fonts — then for two more frames so their layout has been painted, and only then stops
 * recording. What the test waits for is the page being done, not a number of frames: a slow machine
 * that hydrates late is measured as fully as a fast one.
 */
async function settle(page: Page) {
  await expect(typesTable(page).getByRole("switch", { name: "Functional", exact: true })).toBeEnabled();
  await expect(page.locator(".browser-guide[data-detected]")).toHaveCount(1);
  await expect(page.locator('section.ins[data-state="ready"]').first()).toBeAttached();
  return page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const w = window as unknown as FrameWindow;
    w.__watching = false;
    // entries of the last frames may still wait for the observer's next callback: take them now
    w.__add(w.__shifts.takeRecords());
    return { frames: w.__frames, cls: w.__cls, shifted: w.__shifted };
  });
}

test("the banner is there in the first frame, and shifts nothing", async ({ page, context }) => {
  await routeVendors(context);
  await watchFrames(page);
  await page.goto(POLICY);
  const { frames, cls, shifted } = await settle(page);
  const painted = frames.filter((f) => f.main);
  expect(painted.length).toBeGreaterThan(0);
  expect(painted.filter((f) => f.banner !== true)).toEqual([]);
  expect(cls, shifted.join("\n")).toBe(0);
});

test("HTML that arrives in two pieces, the break inside the header: no frame before the first screen is whole", async ({
  page,
}) => {
  // a plain server in front of the site sends the policy's HTML with a pause inside the header's theme
  // control, as a slow network can; a frame painted in the pause would show half a header, which grows
  // (and shifts) when the rest comes. The page's own scripts are not served: only its first frames matter.
  const html = await (await page.request.get(POLICY)).text();
  const cut = html.indexOf('class="theme-wrap');
  expect(cut).toBeGreaterThan(html.indexOf("<body"));
  expect(cut).toBeLessThan(html.indexOf(`id="${FIRST_SCREEN_END_ID}"`));
  const server = createServer((req, res) => {
    if (!req.url?.startsWith(POLICY)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.write(html.slice(0, cut));
    setTimeout(() => res.end(html.slice(cut)), 800);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await watchFrames(page);
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}${POLICY}`);
    await expect(page.locator(`#${FIRST_SCREEN_END_ID}`)).toBeVisible();
    const frames = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return (window as unknown as FrameWindow).__frames;
    });
    const withHeader = frames.filter((f) => f.header);
    expect(withHeader.length).toBeGreaterThan(0);
    expect(withHeader.filter((f) => !f.intro)).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("a reload keeps the choice and never shows the banner, not even for a frame", async ({ page, context }) => {
  await routeVendors(context);
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await watchFrames(page);
  await page.reload();
  const { frames, cls } = await settle(page);
  const seen = frames.filter((f) => f.banner !== null);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((f) => f.banner)).toEqual([]);
  expect(cls).toBe(0);
  await expect(banner(page)).toBeHidden();
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
});

test("accept and reject look the same, and the confirmation can be hidden", async ({ page }) => {
  await page.goto(POLICY);
  const accept = banner(page).getByRole("button", { name: "Accept all" });
  const reject = banner(page).getByRole("button", { name: "Reject all" });
  const look = (b: typeof accept) =>
    b.evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        w: Math.round(r.width),
        h: Math.round(r.height),
        bg: s.backgroundColor,
        fg: s.color,
        font: s.font,
        border: s.border,
      };
    });
  expect(await look(reject)).toEqual(await look(accept));
  await expect(banner(page).getByRole("link", { name: "Read our cookie & storage policy" })).toHaveAttribute(
    "href",
    POLICY,
  );
  await accept.click();
  await expect(banner(page).getByText("You've accepted additional cookies.")).toBeFocused();
  await banner(page).getByRole("button", { name: "Hide this message" }).click();
  await expect(banner(page)).toBeHidden();
});

test("keyboard only: the banner comes first, the dialog traps Tab, Escape closes it and focus returns", async ({
  page,
}) => {
  await page.goto(POLICY);
  await expect(typesTable(page).getByRole("switch", { name: "Functional", exact: true })).toBeEnabled();
  await page.keyboard.press("Tab");
  await expect(banner(page).getByRole("link", { name: "Read our cookie & storage policy" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(banner(page).getByRole("button", { name: "Reject all" })).toBeFocused();
  await page.keyboard.press("Tab");
  const customize = banner(page).getByRole("button", { name: "Customize" });
  await expect(customize).toBeFocused();
  await page.keyboard.press("Enter");

  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d.getByRole("button", { name: "Close" })).toBeFocused();
  // Shift+Tab from the first control wraps to the last, Tab from the last back to the first
  await page.keyboard.press("Shift+Tab");
  await expect(d.getByRole("button", { name: "Reject all" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(d.getByRole("button", { name: "Close" })).toBeFocused();
  // required categories are on and cannot be switched off
  await expect(d.getByRole("switch", { name: "Strictly Necessary", exact: true })).toBeDisabled();
  await expect(d.getByRole("switch", { name: "Strictly Necessary", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(d.getByRole("switch", { name: "Security", exact: true })).toBeDisabled();
  const analytics = d.getByRole("switch", { name: "Performance & Analytics", exact: true });
  await page.keyboard.press("Tab");
  await expect(analytics).toBeFocused();
  await page.keyboard.press("Space");
  await expect(analytics).toHaveAttribute("aria-checked", "true");
  await expect(d.getByRole("switch", { name: "Google Analytics 4", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );

  // Escape: nothing saved, focus back on Customize
  await page.keyboard.press("Escape");
  await expect(d).toBeHidden();
  await expect(customize).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem("candor:consent"))).toBeNull();

  // again, and save with the keyboard
  await page.keyboard.press("Enter");
  await expect(d).toBeVisible();
  await expect(d.getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  for (let i = 0; i < 40; i++) {
    const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (name === "Save choices") break;
    if (
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute("aria-labelledby") &&
          document.activeElement.getAttribute("role") === "switch" &&
          document.getElementById(document.activeElement.getAttribute("aria-labelledby")!)?.textContent ===
            "Functional",
      )
    )
      await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
  }
  await expect(d.getByRole("switch", { name: "Functional", exact: true })).toHaveAttribute("aria-checked", "true");
  await expect(d.getByRole("button", { name: "Save choices" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(d).toBeHidden();
  await expect(banner(page).getByText("You've saved your cookie settings.")).toBeFocused();
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem("candor:consent")))!)).toMatchObject({
    method: "dialog",
    categories: { functional: true, analytics: false },
  });
  await page.keyboard.press("Tab");
  await expect(banner(page).getByRole("button", { name: "change your cookie settings" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(banner(page)).toBeHidden();
});

test("the banner never hides the element that has focus", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  // without smooth scrolling, so positions are final when measured
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(POLICY);
  await expect(banner(page)).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    // WCAG 2.4.11 (AA): the focused element is not entirely hidden by author content
    const covered = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const left = Math.max(r.left, 0);
      const right = Math.min(r.right, innerWidth - 1);
      const top = Math.max(r.top, 0);
      const bottom = Math.min(r.bottom, innerHeight - 1);
      if (right <= left || bottom <= top) return `${el.outerHTML.slice(0, 80)} is off screen`;
      for (const fx of [0.1, 0.5, 0.9])
        for (const fy of [0.1, 0.5, 0.9]) {
          const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
          if (hit && (hit === el || el.contains(hit))) return null;
        }
      return `${el.outerHTML.slice(0, 80)} is hidden`;
    });
    expect(covered).toBeNull();
  }
});

test("the footer's Cookie settings opens the dialog on every page view", async ({ page }) => {
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await page.reload();
  const settings = page.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" });
  await settings.click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await dialog(page).getByRole("button", { name: "Close" }).click();
  await expect(settings).toBeFocused();
});

test.describe("axe", () => {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const violations = async (page: Page) =>
    (await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );

  test("finds nothing with the banner showing", async ({ page }) => {
    await page.goto(POLICY);
    await expect(banner(page)).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("finds nothing with the dialog open, in light and dark", async ({ page }) => {
    await page.goto(POLICY);
    await banner(page).getByRole("button", { name: "Customize" }).click();
    await expect(dialog(page)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await violations(page)).toEqual([]);
  });

  test("finds nothing after a choice, with the confirmation and live switches", async ({ page }) => {
    await page.goto(POLICY);
    await banner(page).getByRole("button", { name: "Accept all" }).click();
    await expect(banner(page).getByText("You've accepted")).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test("without JavaScript the policy reads fully; the banner and the switches do not pretend to work", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(POLICY);
  await expect(banner(page)).toBeHidden();
  await expect(page.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" })).toBeHidden();
  const analytics = typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true });
  await expect(analytics).toBeVisible();
  await expect(analytics).toBeDisabled();
  await expect(typesTable(page).getByRole("switch", { name: "Strictly Necessary", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(page.getByRole("heading", { name: "Third-Party Cookies" })).toBeVisible();
  await context.close();
});

test("raising consentRevision brings the banner back, saying the policy changed and linking to what changed", async ({
  page,
  context,
}) => {
  await routeVendors(context);
  await page.goto(POLICY);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page).getByText("You've accepted")).toBeVisible();
  // the next deployment raised consentRevision from 2 to 3 (the page as that build would serve it)
  await page.route(`**${POLICY}`, async (route) => {
    const res = await route.fetch();
    const html = (await res.text())
      .replace('data-consent-revision="2"', 'data-consent-revision="3"')
      .replace(/(consentRevision\\*":)2\b/g, "$13");
    // that build's CSP lists the hashes of its own inline scripts
    await route.fulfill({ response: res, body: html, headers: withHashesOf(html, res.headers()) });
  });
  const errors = pageErrors(page);
  await page.reload();
  await expect(banner(page).getByText("Our cookie & storage policy has changed since you last chose")).toBeVisible();
  await expect(banner(page).getByRole("link", { name: "See what changed" })).toHaveAttribute(
    "href",
    `${POLICY}#changes`,
  );
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem("candor:consent")))!).revision).toBe(3);
  await page.reload();
  await expect(banner(page)).toBeHidden();
  expect(errors).toEqual([]);
  await page.unroute(`**${POLICY}`);
  await page.goto(`${POLICY}#changes`);
  await expect(page.getByRole("heading", { name: "Changes to this policy" })).toBeInViewport();
});

test("the receipt shows the decision, downloads it, and withdraws everything", async ({ page, context }) => {
  await routeVendors(context);
  await page.goto(POLICY_ON_SUBDOMAIN);
  const receipt = page.locator(".cc-receipt");
  await expect(receipt).toContainText("You have not made a choice yet.");
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  const record = JSON.parse((await page.evaluate(() => localStorage.getItem("candor:consent")))!);
  await expect(receipt).toContainText(record.id);
  await expect(receipt).toContainText("Policy version1.1");
  await expect(receipt).toContainText("Banner: Accept all");
  await expect(receipt).toContainText("TikTok Pixel: Allowed");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    receipt.getByRole("button", { name: "Download receipt" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`consent-receipt-${record.id}.json`);
  const json = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
  expect(json).toMatchObject({
    consentId: record.id,
    decidedAt: record.decidedAt,
    policyVersion: "1.1",
    method: "banner-accept-all",
  });
  expect(json.services).toEqual([
    { id: "ga4", name: "Google Analytics 4", provider: "Google", allowed: true },
    { id: "tiktok", name: "TikTok Pixel", provider: "TikTok", allowed: true },
  ]);

  await expect.poll(async () => (await context.cookies()).length).toBeGreaterThan(0);
  await Promise.all([page.waitForEvent("load"), receipt.getByRole("button", { name: "Withdraw all consent" }).click()]);
  await expect(page.locator(".cc-receipt")).toContainText("Withdraw all consent");
  await expect(page.locator(".cc-receipt")).toContainText("Performance & Analytics: Refused");
  await expectNoVendorStorage(page, context);
});
