// `npm run bench:inspector`: how long the storage inspector takes to read and render 2,000 keys, in real
// Chromium against the production build, and what its live updates cost while nothing changes.
// Needs a production build (`npm run build`). Prints the figures; measures, never asserts.
import { chromium } from "@playwright/test";
import { chromiumPath, machine, startNext } from "./support.mjs";

const KEYS = Number(process.env.BENCH_KEYS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const INSPECTOR = "section.ins[data-count]";

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s.at(-1) };
};
const ms = (x) => `${x.toFixed(1)} ms`;

/** In the page: fill storage and trigger a re-read in one task (no poll can come between), then time
 *  until the inspector shows `expected` items and the next frame has been painted. `via: "event"` is a
 *  storage event (what another tab's change fires: script storage only); `via: "button"` is the
 *  Refresh button, which also asks the server for its cookie names (a network round trip). */
async function timedRefresh(page, { fill, expected, via = "event" }) {
  return page.evaluate(
    async ({ fill, expected, selector, via }) => {
      const root = document.querySelector(selector);
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent === "Refresh");
      const longest = { value: 0 };
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest.value = Math.max(longest.value, e.duration);
      });
      obs.observe({ type: "longtask", buffered: false });
      localStorage.clear();
      for (let i = 0; i < fill.count; i++)
        localStorage.setItem(`${fill.prefix}${String(i).padStart(5, "0")}`, fill.value);
      if (fill.big) localStorage.setItem("big-value", "x".repeat(fill.big));
      const t0 = performance.now();
      if (via === "button") button.click();
      else window.dispatchEvent(new StorageEvent("storage", { key: null }));
      await new Promise((resolve) => {
        const check = () =>
          root.getAttribute("data-count") === String(expected) ? resolve() : requestAnimationFrame(check);
        check();
      });
      // the frame after the DOM changed: the rows are on screen
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      obs.disconnect();
      return { ms: t1 - t0, longestTask: longest.value };
    },
    { fill, expected, selector: INSPECTOR, via },
  );
}

async function run() {
  console.log(`Storage inspector benchmark — ${new Date().toISOString().slice(0, 10)}\nMachine: ${machine()}\n`);
  const server = await startNext();
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const value = "v".repeat(100);

    // 1. Cold load: the page opens with KEYS keys already stored
    await page.goto(`${server.origin}/__bench-seed`);
    await page.evaluate(
      ({ n, value }) => {
        for (let i = 0; i < n; i++) localStorage.setItem(`bench-${String(i).padStart(5, "0")}`, value);
      },
      { n: KEYS, value },
    );
    const loads = [];
    for (let i = 0; i < 5; i++) {
      // by a link to its section: the inspector reads nothing until the visitor is near it (about:blank
      // first, or the same URL with a fragment would only scroll). Reduced motion: the page glides to a
      // fragment for over a second otherwise, and this measures the inspector, not the animation.
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto("about:blank");
      await page.goto(`${server.origin}/en/cookie-policy#see-and-delete-what-this-site-stores`);
      await page.waitForSelector(`${INSPECTOR}[data-state="ready"][data-count="${KEYS}"]`);
      loads.push(await page.evaluate(() => performance.now()));
    }

    // 2. Read + render KEYS keys on a storage event (the inspector already mounted). Wall time includes
    // waiting for the browser's async storage APIs (IndexedDB, Cache Storage, Cookie Store); main-thread
    // work is what the page spends busy (script, style, layout) and is what decides responsiveness.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async () =>
      Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const busy = (a, b) =>
      (b.ScriptDuration -
        a.ScriptDuration +
        b.RecalcStyleDuration -
        a.RecalcStyleDuration +
        b.LayoutDuration -
        a.LayoutDuration) *
      1000;
    const renders = [];
    const longTasks = [];
    const work = [];
    for (let i = 0; i < RUNS; i++) {
      // what filling storage alone costs the main thread, by the same counters (the timed run fills in
      // the same task as it triggers the re-read, so that no poll can come between)
      await timedRefresh(page, { fill: { count: 0, prefix: "", value: "" }, expected: 0 });
      const f0 = await metrics();
      await page.evaluate(
        ({ n, prefix, value }) => {
          localStorage.clear();
          for (let k = 0; k < n; k++) localStorage.setItem(`${prefix}${String(k).padStart(5, "0")}`, value);
        },
        { n: KEYS, prefix: `cal${i}-`, value },
      );
      const f1 = await metrics();
      await timedRefresh(page, { fill: { count: 0, prefix: "", value: "" }, expected: 0 });
      const before = await metrics();
      const r = await timedRefresh(page, { fill: { count: KEYS, prefix: `run${i}-`, value }, expected: KEYS });
      const after = await metrics();
      renders.push(r.ms);
      longTasks.push(r.longestTask);
      work.push(Math.max(0, busy(before, after) - busy(f0, f1)));
    }

    const buttonRenders = [];
    for (let i = 0; i < 5; i++) {
      await timedRefresh(page, { fill: { count: 0, prefix: "", value: "" }, expected: 0 });
      buttonRenders.push(
        (await timedRefresh(page, { fill: { count: KEYS, prefix: `btn${i}-`, value }, expected: KEYS, via: "button" }))
          .ms,
      );
    }

    // 3. The same with a 1 MB value among them
    const bigRenders = [];
    for (let i = 0; i < 5; i++) {
      await timedRefresh(page, { fill: { count: 0, prefix: "", value: "" }, expected: 0 });
      bigRenders.push(
        (
          await timedRefresh(page, {
            fill: { count: KEYS, prefix: `big${i}-`, value, big: 1024 * 1024 },
            expected: KEYS + 1,
          })
        ).ms,
      );
    }

    // 4. Next page of the list
    const pages = [];
    for (let i = 0; i < 10; i++) {
      pages.push(
        await page.evaluate(async (selector) => {
          const root = document.querySelector(selector);
          const label = () => root.querySelector(".ins-pager span")?.textContent;
          const before = label();
          const next = [...root.querySelectorAll("button")].find((b) => b.textContent === "Next page");
          const t0 = performance.now();
          next.click();
          await new Promise((resolve) => {
            const check = () => (label() !== before ? resolve() : requestAnimationFrame(check));
            check();
          });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }, INSPECTOR),
      );
    }

    // 5. Idle cost of staying live (1 s poll) with KEYS keys and a 1 MB value, nothing changing
    const metric = async (name) =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name)?.value ?? 0;
    const before = { task: await metric("TaskDuration"), script: await metric("ScriptDuration") };
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const after = { task: await metric("TaskDuration"), script: await metric("ScriptDuration") };
    const idleTaskMsPerS = ((after.task - before.task) * 1000) / IDLE_SECONDS;
    const idleScriptMsPerS = ((after.script - before.script) * 1000) / IDLE_SECONDS;

    const load = stats(loads);
    const render = stats(renders);
    const big = stats(bigRenders);
    const next = stats(pages);
    console.log(`Keys: ${KEYS} localStorage keys of ${value.length} characters; ${RUNS} runs\n`);
    console.log(
      `Read and render ${KEYS} keys (storage event → rows painted):  median ${ms(render.median)} · p95 ${ms(render.p95)} · min ${ms(render.min)} · max ${ms(render.max)}`,
    );
    console.log(
      `  main-thread work in it (script + style + layout): median ${ms(stats(work).median)} · p95 ${ms(stats(work).p95)}`,
    );
    console.log(
      `  longest main-thread task during it (≥50 ms counted): median ${ms(stats(longTasks).median)} · max ${ms(stats(longTasks).max)}`,
    );
    const btn = stats(buttonRenders);
    console.log(`Refresh button (also asks the server, one round trip): median ${ms(btn.median)} · p95 ${ms(btn.p95)}`);
    console.log(`Same, plus one 1 MB value:                            median ${ms(big.median)} · p95 ${ms(big.p95)}`);
    console.log(
      `Next page (50 rows):                                  median ${ms(next.median)} · p95 ${ms(next.p95)}`,
    );
    console.log(
      `Cold page load until the inspector lists ${KEYS} keys:  median ${ms(load.median)} · p95 ${ms(load.p95)} (from navigation start)`,
    );
    console.log(
      `Idle cost, whole page, live updates on (${IDLE_SECONDS} s, nothing changing):  ${ms(idleTaskMsPerS)} of main-thread work per second (${ms(idleScriptMsPerS)} script)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await run();
