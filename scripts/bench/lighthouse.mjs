// Lighthouse (mobile, default throttling) on the policy page as a first-time visitor sees it: banner showing.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { throttling } from "lighthouse/core/config/constants.js";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { chromiumPath, startNext } from "./support.mjs";

// Lighthouse's default mobile throttling (Slow 4G, 4x CPU), for runs that change only the CPU slowdown
const MOBILE_THROTTLING = throttling.mobileSlow4G;

/** Lighthouse varies run to run: `runs` runs, reported as Lighthouse's own median run (by FCP and TTI). */
export async function runLighthouse({ origin, path = "/en/cookie-policy", runs = 3, cpuSlowdownMultiplier } = {}) {
  const lhrs = [];
  const failed = [];
  // a run Lighthouse could not finish (NO_NAVSTART, NO_FCP: now and then on a busy small machine) is
  // taken again, up to as many times as runs were asked for
  while (lhrs.length < runs && failed.length < runs) {
    const lhr = await lighthouseOnce(origin, path, cpuSlowdownMultiplier);
    if (lhr.runtimeError) failed.push(lhr.runtimeError.code);
    else lhrs.push(lhr);
  }
  if (lhrs.length < runs) throw new Error(`Lighthouse failed ${failed.length} times: ${failed.join(", ")}`);
  if (failed.length)
    console.warn(`  Lighthouse failed ${failed.length} time(s) and was run again: ${failed.join(", ")}`);
  return {
    runs,
    failedRuns: failed,
    ...summarize(computeMedianRun(lhrs)),
    perRun: lhrs.map((l) => Math.round(l.categories.performance.score * 100)),
    benchmarkIndex: Math.round(lhrs[0].environment.benchmarkIndex),
  };
}

/**
 * The CPU slowdown Lighthouse's throttling doc suggests for a host of this benchmarkIndex, to emulate the
 * mid-tier phone its default 4x assumes from a high-end desktop (docs/throttling.md, "Calibrating the CPU
 * slowdown": high-end desktop 1500+ → 4x, low-end desktop 1000–1500 → 2x, high-end mobile 800–1000 → 2x,
 * mid-tier mobile below that → 1x).
 */
export function calibratedSlowdown(benchmarkIndex) {
  if (benchmarkIndex >= 1500) return 4;
  if (benchmarkIndex >= 800) return 2;
  return 1;
}

/**
 * One Lighthouse run (default mobile unless `cpuSlowdownMultiplier`), in a fresh headless Chromium.
 * `throttlingMethod`: "simulate" (Lighthouse's default: loads at full speed, then estimates the slow
 * phone's timings) or "devtools" (the page really loads under the throttling).
 */
export async function lighthouseOnce(origin, path, cpuSlowdownMultiplier, options = {}) {
  return (await lighthouseRun(origin, path, cpuSlowdownMultiplier, options)).lhr;
}

/** One Lighthouse run: its report (lhr) and the artifacts it was computed from (trace, network log …). */
export async function lighthouseRun(origin, path, cpuSlowdownMultiplier, { throttlingMethod = "simulate" } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  try {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      throttlingMethod,
      ...(cpuSlowdownMultiplier ? { throttling: { ...MOBILE_THROTTLING, cpuSlowdownMultiplier } } : {}),
    });
    return { lhr: result.lhr, artifacts: result.artifacts };
  } finally {
    await chrome.kill();
  }
}

function summarize(lhr) {
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const audit = (id) => lhr.audits[id];
  const failed = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        a.scoreDisplayMode !== "informative" &&
        a.scoreDisplayMode !== "notApplicable" &&
        a.scoreDisplayMode !== "manual",
    )
    .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: Math.round(audit("largest-contentful-paint")?.numericValue ?? NaN),
    cls: Number((audit("cumulative-layout-shift")?.numericValue ?? NaN).toFixed(3)),
    tbtMs: Math.round(audit("total-blocking-time")?.numericValue ?? NaN),
    fcpMs: Math.round(audit("first-contentful-paint")?.numericValue ?? NaN),
    notPerfect: failed,
    // where the main-thread time goes, for `--details`
    longTasks: (audit("long-tasks")?.details?.items ?? []).map((t) => ({
      url: t.url,
      startMs: Math.round(t.startTime),
      durationMs: Math.round(t.duration),
    })),
    bootup: (audit("bootup-time")?.details?.items ?? []).map((b) => ({
      url: b.url,
      totalMs: Math.round(b.total),
      scriptingMs: Math.round(b.scripting),
      parseMs: Math.round(b.scriptParseCompile),
    })),
    mainThread: (audit("mainthread-work-breakdown")?.details?.items ?? []).map((m) => ({
      group: m.groupLabel ?? m.group,
      ms: Math.round(m.duration),
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNext();
  try {
    const { longTasks, bootup, mainThread, ...summary } = await runLighthouse({ origin: server.origin });
    console.log(summary);
    if (process.argv.includes("--details")) console.dir({ longTasks, bootup, mainThread }, { depth: 4 });
  } finally {
    await server.stop();
  }
}
