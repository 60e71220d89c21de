// `npm run bench:load`: autocannon against a production server (`next start`, built beforehand), one
// target after another: the policy page, the language chooser at / and every API route, each with its method, the same-origin
// headers a browser sends and a small valid body. 50 connections, BENCH_SECONDS (default 30) per target.
// A request still unanswered after BENCH_TIMEOUT seconds (default 10, autocannon's own) counts as an error.
// Prints requests/s, latency, errors and non-2xx per target, and exits 1 when any target had an error or
// an answer other than 2xx, or when a route under app/api has no target here.
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { load } from "./rps.mjs";
import { machine, startNext } from "./support.mjs";

/** What each target sends; every answer is expected to be 2xx. */
export function targets(origin) {
  // what a browser sends from the site's own page (GET: no Origin; POST: Origin too)
  const get = { "sec-fetch-site": "same-origin" };
  const post = { "sec-fetch-site": "same-origin", origin, "content-type": "application/json" };
  return [
    { name: "policy page", path: "/en/cookie-policy", method: "GET" },
    // the front door: the language chooser (app/route.ts; /cookie-policy is the same handler)
    { name: "language chooser", path: "/", method: "GET", headers: { "accept-language": "de-DE,de;q=0.9,en;q=0.8" } },
    {
      name: "cookie echo",
      path: "/api/storage/cookies",
      method: "GET",
      headers: { ...get, cookie: "ims_auth=secret; _ga=GA1.1.123.456" },
    },
    { name: "clear site data", path: "/api/storage/clear-site-data", method: "POST", headers: post, body: "{}" },
    {
      name: "expire cookies",
      path: "/api/storage/expire-cookies",
      method: "POST",
      headers: { ...post, cookie: "ims_auth=secret" },
      body: JSON.stringify({ names: ["ims_auth"] }),
    },
    // one event sent again and again: the first is stored, the rest are replays answered from the log
    // (npm run bench:consent-log measures appends of new events)
    { name: "consent event", path: "/api/consent/events", method: "POST", headers: post, body: consentEventBody() },
    // a browser's report of what the Content-Security-Policy blocked (logged at a bounded rate)
    {
      name: "CSP report",
      path: "/api/csp-report",
      method: "POST",
      headers: { ...post, "content-type": "application/csp-report" },
      body: JSON.stringify({
        "csp-report": {
          "document-uri": `${origin}/en/cookie-policy`,
          "violated-directive": "script-src-elem",
          "effective-directive": "script-src-elem",
          "blocked-uri": "inline",
        },
      }),
    },
  ];
}

/** A valid consent event (lib/consent-log/request.ts) for the load run. */
export function consentEventBody(decisionId = "bench000-0000-4000-8000-000000000000", sequence = 1) {
  return JSON.stringify({
    decisionId,
    previousDecisionId: null,
    sequence,
    action: "accept-all",
    place: "banner",
    reconsent: false,
    grantedCategories: ["analytics", "functional", "necessary", "security"],
    deniedCategories: [],
    grantedServices: ["ga4", "tiktok"],
    deniedServices: [],
    policyVersion: "1.0",
    consentRevision: 1,
    locale: "en",
    gpc: false,
    clientTime: new Date().toISOString(),
    policyHash: "a".repeat(64),
    wordingHash: "b".repeat(64),
  });
}

/** "/api/…" for every app/api/**\/route.{ts,js} */
export function apiRoutes(dir = path.resolve("app/api")) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/^route\.(ts|js|mjs)$/.test(e.name))
        out.push("/" + path.relative(path.resolve("app"), d).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Targets that failed the run: any error (connection, timeout) or any non-2xx answer. */
export function failures(results) {
  return results.filter((r) => r.errors > 0 || r.non2xx > 0);
}

function row(cells, widths) {
  return cells.map((c, i) => String(c).padStart(widths[i])).join("  ");
}

export async function runLoad({ duration = 30, connections = 50, timeout = 10, log = console.log } = {}) {
  // the load run writes consent events to a throwaway log, with no rate limit (it measures the server)
  const server = await startNext({
    env: {
      CANDOR_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "candor-bench-load-")),
      DATABASE_URL: "",
      CONSENT_RATE_LIMIT: "0",
    },
  });
  const results = [];
  try {
    for (const t of targets(server.origin)) {
      const url = `${server.origin}${t.path}`;
      const options = { method: t.method, headers: t.headers, body: t.body, timeout };
      // a short warm-up (JIT, first render cached), not counted
      await load(url, { ...options, connections: 10, duration: Math.min(2, duration) });
      const r = await load(url, { ...options, connections, duration });
      results.push({ ...t, ...r });
      log(
        `  ${t.method} ${t.path}: ${r.requestsPerSec} req/s, p99 ${r.latencyP99Ms} ms, errors ${r.errors} (timeouts ${r.timeouts}), non-2xx ${r.non2xx}`,
      );
    }
  } finally {
    await server.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const duration = Number(process.env.BENCH_SECONDS ?? 30);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const timeout = Number(process.env.BENCH_TIMEOUT ?? 10);
  const covered = new Set(targets("http://x").map((t) => t.path));
  const missing = apiRoutes().filter((r) => !covered.has(r));
  if (missing.length) {
    console.error(`No load target for ${missing.join(", ")}: add it to targets() in scripts/bench/load.mjs.`);
    process.exit(1);
  }
  const load1 = os.loadavg()[0].toFixed(2);
  console.log(
    `Load run — ${new Date().toISOString()}\nMachine: ${machine()}; load average (1 min) before the run: ${load1}`,
  );
  console.log(
    `autocannon, ${connections} connections, ${duration} s per target, ${timeout} s request timeout, against next start\n`,
  );
  const results = await runLoad({ duration, connections, timeout });
  const widths = [7, 30, 8, 8, 8, 8, 9, 7, 9, 8];
  console.log(
    "\n" +
      row(
        ["method", "target", "req/s", "p50 ms", "p99 ms", "max ms", "requests", "errors", "timeouts", "non-2xx"],
        widths,
      ),
  );
  for (const r of results) {
    console.log(
      row(
        [
          r.method,
          r.path,
          r.requestsPerSec,
          r.latencyP50Ms,
          r.latencyP99Ms,
          r.latencyMaxMs,
          r.total,
          r.errors,
          r.timeouts,
          r.non2xx,
        ],
        widths,
      ),
    );
  }
  const failed = failures(results);
  for (const f of failed)
    console.error(
      `\n${f.method} ${f.path}: ${f.errors} errors, ${f.non2xx} non-2xx; status counts ${JSON.stringify(f.statusCounts)}`,
    );
  console.log(
    failed.length
      ? `\nFAILED: ${failed.length} of ${results.length} targets.`
      : `\nAll ${results.length} targets: 0 errors, 0 non-2xx.`,
  );
  process.exit(failed.length ? 1 : 0);
}
