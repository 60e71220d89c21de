// The page as visitors meet it (issue #14, and #12 item 9): phones and desktops, English and German,
// the dialog's footer and close control, focus after the confirmation, the policy tables, honest switch
// states and the Advertising category, plain words, without JavaScript, on paper, and GPC shown honoured.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import { RECORD_KEY } from "./consent-helpers";
import { islandsLive } from "./fixtures/inspector";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const words = {
  en: {
    path: "/en/cookie-policy",
    banner: "Cookies on IMsupporting",
    dialog: "Cookie settings",
    accept: "Accept all",
    reject: "Reject all",
    customize: "Customize",
    close: "Close",
    save: "Save choices",
    hide: "Hide this message",
    analytics: "Performance & Analytics",
    advertising: "Advertising",
    functional: "Functional",
    necessary: "Strictly Necessary",
    types: "Details of cookies used by IMsupporting",
    allows:
      '"Accept all" allows Performance & Analytics (Google Analytics 4), Advertising (TikTok Pixel), and Functional.',
    honoured: "Opt-out preference signal honoured",
    alwaysOn: "Always on",
    noScript: "JavaScript is not running",
    comparison: "Comparison of Local Storage and Cookies",
    inspectorLink: "What this site stores",
    decideHere: "you can also decide right here",
    listedBelow: "is listed below",
    download: "Download it to keep a copy",
    dark: "Dark",
    visitOnly: "For this visit only — allow Functional to remember it",
  },
  de: {
    path: "/de/cookie-policy",
    banner: "Cookies bei IMsupporting",
    dialog: "Cookie-Einstellungen",
    accept: "Alle akzeptieren",
    reject: "Alle ablehnen",
    customize: "Anpassen",
    close: "Schließen",
    save: "Auswahl speichern",
    hide: "Diese Meldung ausblenden",
    analytics: "Leistung & Analyse",
    advertising: "Werbung",
    functional: "Funktional",
    necessary: "Unbedingt erforderlich",
    types: "Übersicht der von IMsupporting verwendeten Cookies",
    allows:
      "„Alle akzeptieren“ erlaubt Leistung & Analyse (Google Analytics 4), Werbung (TikTok Pixel) und Funktional.",
    honoured: "Opt-out-Präferenzsignal berücksichtigt",
    alwaysOn: "Immer aktiv",
    noScript: "JavaScript läuft nicht",
    comparison: "Vergleich von lokalem Speicher und Cookies",
    inspectorLink: "Was diese Website speichert",
    decideHere: "können Sie auch direkt hier entscheiden",
    listedBelow: "Unten ist alles aufgeführt",
    download: "Laden Sie ihn herunter",
    dark: "Dunkel",
    visitOnly: "Nur für diesen Besuch – erlauben Sie „Funktional“, damit es gespeichert wird",
  },
} as const;
type Lang = keyof typeof words;
const langs = Object.keys(words) as Lang[];

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error("not rendered");
  return b;
};
const banner = (page: Page, w: (typeof words)[Lang]) => page.getByRole("region", { name: w.banner });
const dialog = (page: Page, w: (typeof words)[Lang]) => page.getByRole("dialog", { name: w.dialog });

async function withGpc(browser: Browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true }),
  );
  await routeVendors(context);
  return context;
}

for (const lang of langs) {
  const w = words[lang];

  test.describe(`${lang}: the settings dialog`, () => {
    test("on a phone: the close control fits its label, the footer's buttons are full width and equal", async ({
      page,
    }) => {
      await page.setViewportSize(PHONE);
      await page.goto(w.path);
      await banner(page, w).getByRole("button", { name: w.customize }).click();
      const d = dialog(page, w);
      await expect(d).toBeVisible();
      const close = d.getByRole("button", { name: w.close, exact: true });
      // the label's own width never exceeds the button's inner width
      const fits = await close.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
      const closeBox = await box(close);
      const label = await close.evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        const b = r.getBoundingClientRect();
        return { left: b.left, right: b.right };
      });
      expect(label.left).toBeGreaterThanOrEqual(closeBox.x);
      expect(label.right).toBeLessThanOrEqual(closeBox.x + closeBox.width);

      const buttons = [w.save, w.accept, w.reject].map((name) => d.getByRole("button", { name, exact: true }));
      const boxes = await Promise.all(buttons.map(box));
      const body = await box(d.locator(".cc-dialog-actions"));
      for (const b of boxes) {
        expect(Math.abs(b.width - boxes[0]!.width)).toBeLessThan(1);
        // full width: the footer's width less its padding (1.25rem each side)
        expect(b.width).toBeGreaterThan(body.width - 2 * 20 - 2);
      }
      // stacked, in that order
      expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
      expect(boxes[2]!.y).toBeGreaterThan(boxes[1]!.y + boxes[1]!.height - 1);
    });

    test("on a desktop: the footer's three buttons sit in one row at equal width", async ({ page }) => {
      await page.setViewportSize(DESKTOP);
      await page.goto(w.path);
      await banner(page, w).getByRole("button", { name: w.customize }).click();
      const d = dialog(page, w);
      const boxes = await Promise.all(
        [w.save, w.accept, w.reject].map((name) => box(d.getByRole("button", { name, exact: true }))),
      );
      for (const b of boxes) {
        expect(Math.abs(b.width - boxes[0]!.width)).toBeLessThan(1);
        expect(Math.abs(b.y - boxes[0]!.y)).toBeLessThan(1);
      }
    });

    test("each switch comes right after its name in the tab order, before the links below it", async ({ page }) => {
      await page.goto(w.path);
      await banner(page, w).getByRole("button", { name: w.customize }).click();
      const d = dialog(page, w);
      await d.getByRole("switch", { name: w.analytics, exact: true }).focus();
      await page.keyboard.press("Tab");
      await expect(d.getByRole("switch", { name: "Google Analytics 4", exact: true })).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(page.locator(":focus")).toHaveAttribute("href", "https://policies.google.com/privacy");
      await d.getByRole("switch", { name: w.advertising, exact: true }).focus();
      await page.keyboard.press("Tab");
      await expect(d.getByRole("switch", { name: "TikTok Pixel", exact: true })).toBeFocused();
    });
  });

  test(`${lang}: after "Hide this message" focus goes to the page's heading`, async ({ page }) => {
    await page.goto(w.path);
    await banner(page, w).getByRole("button", { name: w.reject }).click();
    await banner(page, w).getByRole("button", { name: w.hide }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  });

  test(`${lang}: the banner says what "Accept all" accepts, from the registry`, async ({ page }) => {
    await page.goto(w.path);
    const b = banner(page, w);
    await expect(b).toContainText(w.allows);
    // the buttons' names stay as they are
    await expect(b.getByRole("button", { name: w.accept, exact: true })).toBeVisible();
    await expect(b.getByRole("button", { name: w.reject, exact: true })).toBeVisible();
  });

  test(`${lang}: every policy table pads its first and last columns, lines headers up with cells, and has no band above its caption`, async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await page.goto(w.path);
    const tables = page.locator("article .table-scroll:not(.not-prose *) table");
    // comparison, types, five declaration tables, the versions of the policy
    expect(await tables.count()).toBe(8);
    for (const media of ["screen", "print"] as const) {
      await page.emulateMedia({ media });
      const measured = await tables.evaluateAll((all) =>
        all.map((t) => {
          const first = t.querySelector("thead tr")!.firstElementChild!;
          const last = t.querySelector("thead tr")!.lastElementChild!;
          const firstCell = t.querySelector("tbody tr")!.firstElementChild!;
          const caption = t.querySelector("caption");
          const region = t.parentElement!;
          return {
            caption: caption?.textContent,
            padStart: parseFloat(getComputedStyle(first).paddingLeft),
            padEnd: parseFloat(getComputedStyle(last).paddingRight),
            lineUp: Math.abs(
              first.getBoundingClientRect().left +
                parseFloat(getComputedStyle(first).paddingLeft) -
                (firstCell.getBoundingClientRect().left + parseFloat(getComputedStyle(firstCell).paddingLeft)),
            ),
            band: caption ? caption.getBoundingClientRect().top - region.getBoundingClientRect().top : 0,
            clipped: [...t.querySelectorAll("thead th")].some((th) => th.scrollWidth > th.clientWidth),
          };
        }),
      );
      for (const m of measured) {
        // 0.5rem on a phone (1rem from 40rem up); it was 0
        expect(m.padStart, `${media}: ${m.caption}`).toBeGreaterThanOrEqual(8);
        expect(m.padEnd, `${media}: ${m.caption}`).toBeGreaterThanOrEqual(8);
        expect(m.lineUp, `${media}: ${m.caption}`).toBeLessThan(1);
        expect(m.band, `${media}: ${m.caption}`).toBeLessThan(4);
        expect(m.clipped, `${media}: ${m.caption}`).toBe(false);
      }
    }
  });

  test(`${lang}: on a phone "Always on" shows whole in the table`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(w.path);
    const table = page.getByRole("table", { name: w.types });
    const states = table.locator(".cc-inline-state", { hasText: w.alwaysOn });
    expect(await states.count()).toBe(2);
    for (const s of await states.all()) {
      await expect(s).toHaveText(w.alwaysOn);
      // every line of the words inside its cell, nothing cut by the cell or by the cell's padding
      const whole = await s.evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        const cell = el.closest("td")!;
        const inner = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
        return el.scrollWidth <= el.clientWidth && [...r.getClientRects()].every((line) => line.right <= inner + 0.5);
      });
      expect(whole).toBe(true);
    }
    // in English the whole table fits a phone: nothing to scroll sideways to, so nothing is cut at the edge
    if (lang === "en") {
      const region = page.getByRole("region", { name: w.types });
      expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
  });

  test(`${lang}: Advertising is its own category, asked for apart from analytics, and every state is honest`, async ({
    page,
    context,
  }) => {
    await routeVendors(context);
    await page.goto(w.path);
    await banner(page, w).getByRole("button", { name: w.reject }).click();
    // Google Analytics on, TikTok off
    await page.getByRole("main").getByRole("switch", { name: "Google Analytics 4", exact: true }).click();
    const table = page.getByRole("table", { name: w.types });
    await expect(table.getByRole("switch", { name: w.analytics, exact: true })).toHaveAttribute("aria-checked", "true");
    await expect(table.getByRole("switch", { name: w.advertising, exact: true })).toHaveAttribute(
      "aria-checked",
      "false",
    );
    const inline = page.locator(".cc-inline:not(.cc-inline-cell)");
    await expect(inline.getByRole("switch", { name: w.advertising, exact: true })).toHaveAttribute(
      "aria-checked",
      "false",
    );
    await expect(inline.getByRole("switch", { name: w.analytics, exact: true })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await page.getByRole("contentinfo").getByRole("button", { name: w.dialog }).click();
    const d = dialog(page, w);
    await expect(d.getByRole("switch", { name: w.analytics, exact: true })).toHaveAttribute("aria-checked", "true");
    await expect(d.getByRole("switch", { name: w.advertising, exact: true })).toHaveAttribute("aria-checked", "false");
    await expect(d.getByRole("switch", { name: "TikTok Pixel", exact: true })).toHaveAttribute("aria-checked", "false");
    // the declaration has a table of its own for advertising, holding TikTok's items
    await page.keyboard.press("Escape");
    const ads = page.getByRole("table", { name: new RegExp(`^${w.advertising}: `) });
    await expect(ads.getByRole("rowheader", { name: "_ttp", exact: true })).toBeVisible();
    await expect(
      page.getByRole("table", { name: new RegExp(`^${w.analytics}: `) }).getByRole("rowheader", { name: "_ttp" }),
    ).toHaveCount(0);
  });

  test(`${lang}: an always-on switch looks plainly different from one switched on`, async ({ page }) => {
    await page.goto(w.path);
    await banner(page, w).getByRole("button", { name: w.accept }).click();
    const table = page.getByRole("table", { name: w.types });
    const look = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        const thumb = getComputedStyle(el.querySelector(".cc-switch-thumb")!);
        return { border: s.borderStyle, background: s.backgroundColor, thumb: thumb.backgroundColor };
      });
    const locked = await look(table.getByRole("switch", { name: w.necessary, exact: true }));
    const on = await look(table.getByRole("switch", { name: w.analytics, exact: true }));
    await expect(table.getByRole("switch", { name: w.analytics, exact: true })).toHaveAttribute("aria-checked", "true");
    expect(locked.border).not.toBe(on.border);
    expect(locked.background).not.toBe(on.background);
    expect(locked.thumb).not.toBe(on.thumb);
  });

  test(`${lang}: the local storage passages point at the page's own list, not at developer tools first`, async ({
    page,
  }) => {
    await page.goto(w.path);
    const comparison = page.getByRole("table", { name: w.comparison });
    const rows = await comparison.locator("tbody tr").allInnerTexts();
    const text = rows.join("\n");
    expect(text).not.toMatch(/\bNever\b|\bNie\b/);
    expect(text).not.toMatch(/Better \(|Besser \(/);
    expect(text).not.toMatch(/corrected|korrigiert/);
    const link = page.getByRole("link", { name: w.inspectorLink, exact: true });
    await expect(link).toHaveAttribute("href", /^#/);
    const target = (await link.getAttribute("href"))!;
    await expect(page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`)).toBeVisible();
    // the link comes before any mention of F12 in the page's text
    const body = await page.locator("article").innerText();
    expect(body.indexOf(w.inspectorLink)).toBeLessThan(body.indexOf("F12"));
    expect(body).not.toContain("Correction:");
    expect(body).not.toContain("Korrektur:");
  });

  test(`${lang}: a theme chosen without Functional consent says under the control that it is for this visit`, async ({
    page,
  }) => {
    await page.goto(w.path);
    await banner(page, w).getByRole("button", { name: w.reject }).click();
    const control = page.locator(".theme-control");
    await control.getByRole("radio", { name: w.dark }).check();
    const note = page.getByText(w.visitOnly);
    await expect(note).toBeVisible();
    const [c, n] = [await box(control), await box(note)];
    expect(n.y).toBeGreaterThanOrEqual(c.y + c.height - 1);
    await expect(note).toHaveCSS("position", "static");
    // with Functional allowed, the choice is remembered and the note goes
    await page
      .getByRole("main")
      .locator(".cc-inline:not(.cc-inline-cell)")
      .getByRole("switch", { name: w.functional, exact: true })
      .click();
    await expect(note).toBeHidden();
  });

  test(`${lang}: without JavaScript a note stands where the controls would be`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(w.path);
    const notes = page.getByText(w.noScript);
    await expect(notes).toHaveCount(2);
    await expect(notes.first()).toBeVisible();
    await expect(notes.nth(1)).toBeVisible();
    // the sentences that point at the controls are not there
    await expect(page.getByText(w.decideHere)).toBeHidden();
    await expect(page.getByText(w.listedBelow)).toBeHidden();
    await context.close();
  });

  test(`${lang}: with JavaScript the note is never painted, not even in the first frame`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __noteSeen: boolean; __frames: number };
      w.__noteSeen = false;
      w.__frames = 0;
      const tick = () => {
        for (const n of document.querySelectorAll(".cc-nojs"))
          if (n.getBoundingClientRect().height > 0) w.__noteSeen = true;
        if (++w.__frames < 60) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(w.path);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __frames: number }).__frames)).toBe(60);
    expect(await page.evaluate(() => (window as unknown as { __noteSeen: boolean }).__noteSeen)).toBe(false);
    await expect(page.getByText(w.noScript)).toHaveCount(2);
    await expect(page.getByText(w.noScript).first()).toBeHidden();
  });

  test(`${lang}: on paper, sentences about controls go, the receipt prints as text, no table is kept whole by force`, async ({
    page,
  }) => {
    await page.goto(w.path);
    await banner(page, w).getByRole("button", { name: w.accept }).click();
    const id = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), RECORD_KEY))!).id as string;
    await page.emulateMedia({ media: "print" });
    await expect(page.getByText(w.decideHere)).toBeHidden();
    await expect(page.getByText(w.listedBelow)).toBeHidden();
    await expect(page.getByText(w.download)).toBeHidden();
    const receipt = page.locator(".cc-receipt");
    await expect(receipt).toBeVisible();
    await expect(receipt).toContainText(id);
    // its buttons are there, and not printed
    await expect(receipt.locator("button")).toHaveCount(2);
    for (const b of await receipt.locator("button").all()) await expect(b).toBeHidden();
    const forced = await page
      .locator("article table")
      .evaluateAll((all) => all.filter((t) => getComputedStyle(t).breakInside === "avoid").length);
    expect(forced).toBe(0);
  });

  test(`${lang}: with Global Privacy Control the banner, the dialog and the signals say it was honoured`, async ({
    browser,
  }) => {
    const context = await withGpc(browser);
    const page = await context.newPage();
    await page.goto(w.path);
    await expect(banner(page, w)).toContainText(`${w.honoured}:`);
    await expect(banner(page, w)).toContainText("TikTok Pixel");
    await banner(page, w).getByRole("button", { name: w.accept }).click();
    await expect(banner(page, w).getByText(w.honoured)).toBeVisible();
    // inline, next to the service it turned off
    const tiktok = page
      .getByRole("main")
      .locator(".cc-inline", { has: page.getByRole("switch", { name: "TikTok Pixel" }) });
    await expect(tiktok.getByText(w.honoured)).toBeVisible();
    await page.getByRole("contentinfo").getByRole("button", { name: w.dialog }).click();
    const d = dialog(page, w);
    const service = d.locator("li", { has: page.getByRole("switch", { name: "TikTok Pixel" }) });
    await expect(service.getByText(w.honoured)).toBeVisible();
    // not next to a service the signal did not turn off
    await expect(d.locator("li", { has: page.getByRole("switch", { name: "Google Analytics 4" }) })).not.toContainText(
      w.honoured,
    );
    await page.keyboard.press("Escape");
    const signals = page.getByRole("row", { name: /Global Privacy Control/ });
    await islandsLive(page);
    await signals.scrollIntoViewIfNeeded();
    await expect(signals).toContainText(w.honoured);
    await expect(signals).toContainText("TikTok Pixel");
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const)
    test(`${lang}, ${scheme}: axe finds nothing with the banner, with the dialog, and under GPC`, async ({
      browser,
    }) => {
      const context = await withGpc(browser, PHONE);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const violations = async () =>
        (
          await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
            .analyze()
        ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      await page.goto(w.path);
      await expect(banner(page, w)).toBeVisible();
      expect(await violations()).toEqual([]);
      await banner(page, w).getByRole("button", { name: w.customize }).click();
      await expect(dialog(page, w)).toBeVisible();
      expect(await violations()).toEqual([]);
      await context.close();
    });
}

test("/.well-known/gpc.json says the site honours Global Privacy Control", async ({ request }) => {
  const res = await request.get("/.well-known/gpc.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/json/);
  const body = await res.json();
  expect(body.gpc).toBe(true);
  expect(body.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
