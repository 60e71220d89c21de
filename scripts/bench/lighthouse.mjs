// Lighthouse (mobile, default throttling) on the policy page as a first-time visitor sees it: banner showing.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumPath, startNext } from "./support.mjs";

export async function runLighthouse({ origin, path = "/en/cookie-policy" } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  try {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = result.lhr;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id) => lhr.audits[id];
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual")
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
    };
  } finally {
    await chrome.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNext();
  try {
    console.log(await runLighthouse({ origin: server.origin }));
  } finally {
    await server.stop();
  }
}
