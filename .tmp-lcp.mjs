import { chromium } from "@playwright/test";
import { startNext, chromiumPath } from "./scripts/bench/support.mjs";
const server = await startNext({ cwd: process.argv[2] ?? "." });
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  for (let i = 0; i < 2; i++) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries())
          window.__lcp.push({
            t: Math.round(e.startTime),
            size: e.size,
            el: e.element
              ? e.element.tagName + "." + e.element.className + " " + (e.element.textContent || "").slice(0, 50)
              : null,
          });
      }).observe({ type: "largest-contentful-paint", buffered: true });
      window.__paint = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__paint.push(e.name + " " + Math.round(e.startTime));
      }).observe({ type: "paint", buffered: true });
      window.__lt = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__lt.push(Math.round(e.startTime) + "+" + Math.round(e.duration));
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(server.origin + "/en/cookie-policy", { waitUntil: "networkidle" });
    await page.waitForTimeout(1000);
    console.log(
      await page.evaluate(() => ({
        lcp: window.__lcp,
        paint: window.__paint,
        lt: window.__lt,
        nav: Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd),
      })),
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
