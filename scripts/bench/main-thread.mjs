// Main-thread cost of loading the policy page as a first-time visitor, measured in Chromium with 4x CPU
// throttling (DevTools-style, applied to real execution rather than Lighthouse's simulation): the total
// blocking time of every long task from navigation until the page is quiet, and the longest task.
// Steadier than Lighthouse's simulated TBT for comparing one change with another. `npm run bench:main-thread`.
import { chromium } from "@playwright/test";
import { chromiumPath, startNext } from "./support.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureMainThread({ origin, path = "/en/cookie-policy", runs = RUNS, slowdown = 4 } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
      await page.addInitScript(() => {
        const w = window;
        w.__tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
        }).observe({ type: "longtask", buffered: true });
      });
      await page.goto(`${origin}${path}`, { waitUntil: "load" });
      // quiet: no long task for 2 s (the page polls storage every 2 s with short tasks only)
      let last = -1;
      for (;;) {
        await page.waitForTimeout(2000);
        const n = await page.evaluate(() => window.__tasks.length);
        if (n === last) break;
        last = n;
      }
      const tasks = await page.evaluate(() => window.__tasks);
      results.push({
        blockingMs: Math.round(tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0)),
        longestMs: Math.round(Math.max(0, ...tasks.map(([, d]) => d))),
        longTasks: tasks.length,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    runs,
    slowdown,
    blockingMs: median(results.map((r) => r.blockingMs)),
    longestMs: median(results.map((r) => r.longestMs)),
    longTasks: median(results.map((r) => r.longTasks)),
    perRun: results.map((r) => r.blockingMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNext();
  try {
    const r = await measureMainThread({ origin: server.origin });
    console.log(
      `Main thread, first visit to /en/cookie-policy, ${r.slowdown}x CPU slowdown, median of ${r.runs} runs:\n` +
        `  blocking time ${r.blockingMs} ms (sum of each long task beyond 50 ms; per run ${r.perRun.join(", ")})\n` +
        `  longest task ${r.longestMs} ms, ${r.longTasks} long tasks`,
    );
  } finally {
    await server.stop();
  }
}
