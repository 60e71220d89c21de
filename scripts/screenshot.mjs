// Makes the README's screenshots of the policy page (docs/screenshot*.png), and of the storage inspector
// and the consent receipt on a phone and a desktop (docs/inspector-*.png, docs/receipt-*.png), with
// Playwright in Chromium.
// Usage: npm run build && npm run screenshot   (starts `next start` itself on a free port, then stops it)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors.ts";

const port = Number(process.env.PORT ?? 3177);
const base = `http://localhost:${port}`;
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// node + next directly (not npx), so kill() reaches the server itself
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
  stdio: "ignore",
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/en/cookie-policy`)).ok) break;
    } catch {}
    if (i > 100) throw new Error("the site did not start; run `npm run build` first");
    await new Promise((r) => setTimeout(r, 300));
  }
  const browser = await chromium.launch({
    executablePath,
    args: ["--disable-background-networking", "--no-first-run"],
  });
  const phone = { width: 390, height: 844 };
  const desktop = { width: 1280, height: 900 };
  // the banner as a first visit meets it, and the settings dialog it opens ("Customize" in the page's language)
  const openDialog = async (page, locale) => {
    await page.getByRole("button", { name: locale === "de" ? "Anpassen" : "Customize" }).click();
    await page.getByRole("dialog").waitFor();
  };
  const shots = [
    { file: "docs/screenshot.png", ...desktop, scheme: "light", anchor: null },
    { file: "docs/screenshot-mobile-dark.png", ...phone, scheme: "dark", anchor: null },
    { file: "docs/screenshot-banner-desktop.png", ...desktop, scheme: "light" },
    { file: "docs/screenshot-banner-phone.png", ...phone, scheme: "light" },
    { file: "docs/screenshot-dialog-desktop.png", ...desktop, scheme: "light", then: openDialog },
    { file: "docs/screenshot-dialog-phone.png", ...phone, scheme: "light", then: openDialog },
    { file: "docs/screenshot-dialog-phone-de-dark.png", ...phone, scheme: "dark", locale: "de", then: openDialog },
  ];
  for (const s of shots) {
    const page = await browser.newPage({
      viewport: { width: s.width, height: s.height },
      colorScheme: s.scheme,
      deviceScaleFactor: 1,
    });
    const locale = s.locale ?? "en";
    await page.goto(`${base}/${locale}/cookie-policy${process.env.SHOT_HASH ?? ""}`, { waitUntil: "networkidle" });
    await s.then?.(page, locale);
    await page.screenshot({ path: s.file });
    console.log(`wrote ${s.file}`);
    await page.close();
  }

  // A visitor who pressed "Accept all". The vendors' scripts are the stand-ins the tests use (they set
  // _ga, _ga_<id>, _ttp… as the real ones do; nothing leaves this machine), and the company's app is
  // shown to have left what it may leave on the same site: an undeclared key and an IndexedDB database.
  for (const { name, width, height } of [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1280, height: 900 },
  ]) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    await routeVendors(context);
    const page = await context.newPage();
    await page.goto(`${base}/__example-not-a-page`);
    await page.evaluate(async () => {
      localStorage.setItem("ims:draft:message", JSON.stringify({ text: "Hello" }));
      await new Promise((resolve, reject) => {
        const req = indexedDB.open("ims-offline-store", 1);
        req.onupgradeneeded = () => req.result.createObjectStore("s");
        req.onsuccess = () => (req.result.close(), resolve(undefined));
        req.onerror = () => reject(req.error);
      });
    });
    await page.goto(`${base}/en/cookie-policy`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Accept all", exact: true }).first().click();
    const inspector = page.locator("section.ins[data-count]");
    await inspector.scrollIntoViewIfNeeded();
    await inspector.locator('tr[data-row^="cookie:_ga"]').first().waitFor();
    await page.waitForTimeout(1200); // the inspector's next poll has seen every cookie the stand-ins set
    for (const [part, locator] of [
      ["inspector", inspector],
      ["receipt", page.locator(".cc-receipt")],
    ]) {
      const file = `docs/${part}-${name}.png`;
      // the sticky site header would be drawn over a part taller than the window as it scrolls by
      await locator.screenshot({ path: file, style: ".site-header { position: static !important; }" });
      console.log(`wrote ${file}`);
    }
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
