// The inspector, the consent receipt and the privacy signals as a visitor on a phone meets them, the
// question before "Delete all", and the storage meter's one sentence — in both languages.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { catalog } from "../lib/i18n/strings";
import { routeVendors } from "../lib/testing/vendors";
import { islandsLive, ORIGIN, seedStorage } from "./fixtures/inspector";

const LOCALES = ["en", "de"] as const;
const policy = (l: string) => `/${l}/cookie-policy`;

function parts(page: Page, locale: (typeof LOCALES)[number]) {
  const s = catalog[locale];
  return {
    s,
    inspector: page.getByRole("region", { name: s.inspector.title }),
    signals: page.getByRole("region", { name: s.privacySignals.title }),
    usage: page.getByRole("region", { name: s.storageUsage.title }),
    receipt: page.locator(".cc-receipt"),
  };
}

/** What a visitor who accepted everything holds, plus what the company's app may have left behind. */
async function acceptAllWithAppData(page: Page, locale: (typeof LOCALES)[number]) {
  const { s, inspector } = parts(page, locale);
  await seedStorage(page, {
    local: { [`ims:draft:${"x".repeat(90)}`]: "1", "mystery-key": "y".repeat(400) },
  });
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open("ims-offline-store", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("s");
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
  });
  await page.goto(policy(locale));
  await page.getByRole("button", { name: s.consent.acceptAll, exact: true }).first().click();
  await islandsLive(page);
  await inspector.scrollIntoViewIfNeeded();
  await expect(inspector).toHaveAttribute("data-state", "ready");
  await expect(inspector.locator("tr[data-row]").first()).toBeVisible();
}

/** Bounding boxes that stick out of the viewport, and scroll boxes that scroll sideways. */
async function outside(page: Page, scopes: Locator[]): Promise<string[]> {
  const width = page.viewportSize()?.width ?? 0;
  const found: string[] = [];
  for (const scope of scopes) {
    for (const button of await scope.getByRole("button").all()) {
      if (!(await button.isVisible())) continue;
      const box = await button.boundingBox();
      const name = (await button.getAttribute("aria-label")) ?? (await button.innerText());
      if (!box || box.x < 0 || box.x + box.width > width + 0.5) found.push(`button "${name.trim()}" at x=${box?.x}`);
    }
    for (const box of await scope.locator(".table-scroll").all()) {
      const over = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
      if (over > 0) found.push(`a scroll box scrolls ${over}px sideways`);
    }
  }
  return found;
}

test.describe("on a 390 px phone after Accept all", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const locale of LOCALES) {
    test(`${locale}: every button of the inspector, receipt and signals is inside the viewport, and no box scrolls sideways`, async ({
      page,
      context,
    }) => {
      await routeVendors(context);
      await acceptAllWithAppData(page, locale);
      const { s, inspector, signals, receipt } = parts(page, locale);
      await inspector
        .getByRole("button", {
          name: `${s.inspector.showValue} ${s.inspector.showValueOf.replace("{name}", "mystery-key")}`,
        })
        .click();
      await expect(receipt.getByRole("button")).not.toHaveCount(0);
      await expect(signals.locator("[data-signal-state]").first()).not.toHaveText(s.privacySignals.loading);
      expect(await outside(page, [inspector, receipt, signals])).toEqual([]);
      // and on the narrowest phones (320 px), where the page itself must not scroll sideways either
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await outside(page, [inspector, receipt, signals])).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 390, height: 844 });

      // each row is a card: its Delete button spans the card, under the name and purpose
      const card = inspector.locator('tr[data-row="localStorage:mystery-key"]');
      const cardBox = await card.boundingBox();
      const del = await card
        .getByRole("button", { name: s.inspector.deleteNamed.replace("{name}", "mystery-key") })
        .boundingBox();
      const name = await card.locator("code").boundingBox();
      expect(cardBox && del && name).toBeTruthy();
      if (cardBox && del && name) {
        expect(del.width).toBeGreaterThan(cardBox.width * 0.8);
        expect(del.y).toBeGreaterThan(name.y + name.height);
      }
      // the receipt's consent id stays inside its card
      const receiptBox = await receipt.boundingBox();
      const idBox = await receipt.locator("code").first().boundingBox();
      if (!receiptBox || !idBox) throw new Error("no receipt");
      expect(idBox.x + idBox.width).toBeLessThanOrEqual(receiptBox.x + receiptBox.width);
    });
  }

  test("axe finds nothing in the inspector, receipt and signals as cards, light and dark", async ({
    page,
    context,
  }) => {
    await routeVendors(context);
    await acceptAllWithAppData(page, "en");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page })
        .include(".ins")
        .include(".cc-receipt")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      expect(
        results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
  });
});

test.describe("the Delete all question", () => {
  for (const locale of LOCALES) {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      test(`${locale} at ${viewport.width} px: centred, says it signs you out and reaches other subdomains, one look with the settings dialog`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await page.goto(policy(locale));
        const { s, inspector } = parts(page, locale);
        // enabled before the inspector has been scrolled near, let alone read anything
        const deleteAll = inspector.getByRole("button", { name: s.inspector.deleteAll });
        await expect(deleteAll).toBeEnabled();
        await expect(inspector).toHaveAttribute("data-state", "loading");
        await deleteAll.click();
        const dialog = page.getByRole("dialog", { name: s.inspector.deleteAllTitle });
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText(s.inspector.deleteAllSignOut);
        await expect(dialog.getByRole("button", { name: s.inspector.cancel })).toBeFocused();

        const box = await dialog.boundingBox();
        if (!box) throw new Error("no dialog box");
        const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        expect(Math.abs(centre.x - viewport.width / 2)).toBeLessThanOrEqual(2);
        expect(Math.abs(centre.y - viewport.height / 2)).toBeLessThanOrEqual(2);
        for (const button of await dialog.getByRole("button").all()) {
          const b = await button.boundingBox();
          expect(b && b.x >= box.x && b.x + b.width <= box.x + box.width).toBe(true);
        }

        // the same dialog look as the settings dialog: same border radius, backdrop and title size
        const look = (el: Locator) =>
          el.evaluate((d) => {
            const cs = getComputedStyle(d);
            const h = d.querySelector("h2");
            return {
              radius: cs.borderRadius,
              shadow: cs.boxShadow,
              backdrop: getComputedStyle(d, "::backdrop").backgroundColor,
              title: h ? getComputedStyle(h).fontSize : null,
            };
          });
        const mine = await look(dialog);
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          const results = await new AxeBuilder({ page })
            .include(".ins-confirm")
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
            .analyze();
          expect(results.violations.map((v) => `${scheme} ${v.id}`)).toEqual([]);
        }
        await dialog.getByRole("button", { name: s.inspector.cancel }).click();
        await expect(dialog).toBeHidden();
        await page.getByRole("button", { name: s.consent.customize, exact: true }).first().click();
        expect(await look(page.getByRole("dialog", { name: s.consent.dialogTitle }))).toEqual(mine);
      });
    }
  }

  test("the status line that takes focus after a deletion is highlighted, not drawn as a field", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "_ga", value: "GA1.1.1", url: ORIGIN }]);
    await page.goto(policy("en"));
    const { inspector } = parts(page, "en");
    await islandsLive(page);
    await inspector.scrollIntoViewIfNeeded();
    await expect(inspector).toHaveAttribute("data-state", "ready");
    await inspector.getByRole("button", { name: "Delete _ga", exact: true }).focus();
    await page.keyboard.press("Enter");
    const status = inspector.locator(".ins-status");
    await expect(status).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Deleted _ga." })).toBeVisible();
    const style = await status.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { outline: cs.outlineStyle, shadow: cs.boxShadow, background: cs.backgroundColor };
    });
    expect(style.outline).toBe("none");
    expect(style.shadow).not.toBe("none");
    expect(style.background).not.toBe("rgba(0, 0, 0, 0)");
  });
});

test.describe("the storage meter says it in one sentence", () => {
  for (const locale of LOCALES) {
    test(`${locale}: how much, and that it is well under the limit; the figures are folded`, async ({ page }) => {
      await seedStorage(page, { local: { k: "x".repeat(499) } });
      await page.goto(policy(locale));
      const { s, usage } = parts(page, locale);
      await islandsLive(page);
      await usage.scrollIntoViewIfNeeded();
      await expect(usage).toHaveAttribute("data-state", "ready");
      // 500 characters at 2 bytes, plus whatever the browser's estimate adds for databases and caches
      const sentence = usage.locator(".usage-sentence");
      const [before, after] = s.storageUsage.summaryLow.split("{size}");
      await expect(sentence).toHaveText(new RegExp(`^${escape(before ?? "")}\\d.* k?B${escape(after ?? "")}$`));
      await expect(usage.getByRole("meter")).toHaveCount(0);
      await expect(usage.getByText(s.storageUsage.limitNote)).toBeHidden();
      await usage.getByText(s.storageUsage.details, { exact: true }).click();
      await expect(usage.getByRole("meter", { name: s.declaration.storage.localStorage })).toHaveAttribute(
        "value",
        "500",
      );
      await expect(usage.getByText(s.storageUsage.limitNote)).toBeVisible();
    });
  }
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
