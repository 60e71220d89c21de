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
  const shots = [
    { file: "docs/screenshot.png", width: 1280, height: 900, scheme: "light", anchor: null },
    { file: "docs/screenshot-mobile-dark.png", width: 390, height: 844, scheme: "dark", anchor: null },
  ];
  for (const s of shots) {
    const page = await browser.newPage({
      viewport: { width: s.width, height: s.height },
      colorScheme: s.scheme,
      deviceScaleFactor: 1,
    });
    await page.goto(`${base}/en/cookie-policy${process.env.SHOT_HASH ?? ""}`, { waitUntil: "networkidle" });
    await page.screenshot({ path: s.file });
    console.log(`wrote ${s.file}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
