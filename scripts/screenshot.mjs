// Makes the README's screenshots of the policy page (docs/screenshot*.png) with Playwright in Chromium.
// Usage: npm run build && npm run screenshot   (starts `next start` itself on a free port, then stops it)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

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
  await browser.close();
} finally {
  server.kill();
}
