// `npm run bench:floor`: the policy page against the framework's floor, in the same run. It generates a
// minimal App Router app (one heading, one paragraph, one client button) in a temporary folder inside the
// project (.bench-floor-*, deleted after; inside, so Turbopack resolves next and react from this project's
// node_modules: the same versions), builds it, and runs Lighthouse (default
// mobile: simulated Slow 4G, 4x CPU) on it and on the policy page in turn, RUNS times each, then prints
// the medians and the ratios policy/floor. Taking turns in one run is what makes the ratios fair on a
// machine whose load changes. The policy page must be built (`npm run build`).
//
// `--items N` also builds a copy of the project (.bench-items-*, deleted after) whose registry has N generated
// items more, and measures its page in the same turns: how the page scales with a large declaration.
// `--baseline DIR` (repeatable) also measures another built copy of the project (a folder holding its .next, content/,
// next.config.mjs, package.json and a node_modules link), say the build before a change, in the same turns.
// `--write-docs` puts the result in its section of docs/benchmarks.md. `--json FILE` keeps every figure.
// `--devtools` applies the throttling while the page loads (Lighthouse's devtools method) instead of
// simulating it: slower to run, but its LCP is when the page really painted its largest content, where the
// simulation counts every script that had arrived before the first paint on a fast machine.
// `--without-scripts` also measures, as a control, the policy page's own HTML without its external scripts
// (the inline head script and RSC payload stay): what its content costs, told apart from what loading React
// and Next.js's chunks beside it costs.
// `--runs N` (default 5). BENCH_PORTS=3251-3259 keeps the servers inside those ports.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { blockingByCause, CAUSE_LABELS, CAUSES } from "./blocking.mjs";
import { withoutScripts } from "./html.mjs";
import { lighthouseRun } from "./lighthouse.mjs";
import { machine, startNext } from "./support.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const POLICY_PATH = "/en/cookie-policy";

/** The browsers the project builds for, so the floor is built for the same ones. */
function projectBrowserslist() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  return pkg.browserslist;
}

const FLOOR_FILES = {
  "app/layout.jsx": `export const metadata = { title: "Floor" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import { Counter } from "./counter";

export default function Page() {
  return (
    <main>
      <h1>The framework's floor</h1>
      <p>
        One heading, one paragraph and one client component: the least an App Router page built with this
        project's Next.js and React ships, parses and hydrates.
      </p>
      <Counter />
    </main>
  );
}
`,
  "app/counter.jsx": `"use client";
import { useState } from "react";

export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((c) => c + 1)}>
      Clicked {count} times
    </button>
  );
}
`,
  "next.config.mjs": "export default { poweredByHeader: false };\n",
};

/** Generates and builds the floor app in a temporary folder; returns its folder. */
export function buildFloor() {
  const dir = mkdtempSync(path.join(ROOT, ".bench-floor-"));
  for (const [file, text] of Object.entries(FLOOR_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const browserslist = projectBrowserslist();
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "candor-floor", private: true, ...(browserslist ? { browserslist } : {}) }, null, 2),
  );
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  buildOrRemove(dir);
  return dir;
}

/** A copy of the project whose registry declares `count` generated items more; returns its folder. */
export function buildWithItems(count) {
  const dir = mkdtempSync(path.join(ROOT, ".bench-items-"));
  for (const entry of [
    "app",
    "components",
    "lib",
    "content",
    "public",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.mjs",
    "tsconfig.json",
    "postcss.config.mjs",
    "package.json",
  ])
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const registry = path.join(dir, "content/registry.yaml");
  writeFileSync(registry, readFileSync(registry, "utf8").trimEnd() + "\n" + generatedItems(count));
  buildOrRemove(dir);
  return dir;
}

/** `count` registry items spread over the categories, storage types and durations, in both languages. */
export function generatedItems(count) {
  const categories = ["necessary", "analytics", "functional", "security"];
  const storages = ["cookie", "localStorage", "sessionStorage"];
  const durations = ["session", "30d", "13mo", "persistent"];
  let out = "\n  # generated by scripts/bench/floor.mjs --items\n";
  for (let i = 0; i < count; i++) {
    out +=
      `  - name: bench_item_${String(i).padStart(4, "0")}\n` +
      `    storage: ${storages[i % storages.length]}\n` +
      `    category: ${categories[i % categories.length]}\n` +
      "    provider: IMsupporting\n" +
      "    scope: app\n" +
      "    purpose:\n" +
      `      en: Generated item ${i} for the benchmark, with a purpose about as long as a real one.\n` +
      `      de: Erzeugter Eintrag ${i} für den Benchmark, mit einem Zweck, etwa so lang wie ein echter.\n` +
      `    duration: ${durations[i % durations.length]}\n`;
  }
  return out;
}

function buildOrRemove(dir) {
  try {
    build(dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

function build(dir) {
  // `next build` directly: the copy's content is generated, so the content check (prebuild) is not the point;
  // the step after the build is (package.json postbuild), as the shipped page has it
  const options = {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  };
  execFileSync(process.execPath, [NEXT_BIN, "build"], options);
  execFileSync(process.execPath, [TSX_CLI, path.join(ROOT, "scripts/build/payload-styles.ts")], options);
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The figures this benchmark compares, from one Lighthouse run. */
export function figures(lhr) {
  const audit = (id) => lhr.audits[id];
  const requests = audit("network-requests")?.details?.items ?? [];
  const sum = (type) => requests.filter((r) => r.resourceType === type).reduce((n, r) => n + (r.transferSize ?? 0), 0);
  const lcpElement = audit("largest-contentful-paint-element")?.details?.items?.[0]?.items?.[0]?.node;
  const phases = audit("largest-contentful-paint-element")?.details?.items?.[1]?.items ?? [];
  // a run Lighthouse could not finish (say NO_LCP) has no score: it is reported and left out of the medians
  const error = lhr.runtimeError?.code ?? null;
  return {
    error,
    performance: error ? NaN : Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: audit("total-blocking-time")?.numericValue ?? NaN,
    lcpMs: audit("largest-contentful-paint")?.numericValue ?? NaN,
    fcpMs: audit("first-contentful-paint")?.numericValue ?? NaN,
    cls: audit("cumulative-layout-shift")?.numericValue ?? NaN,
    jsBytes: sum("Script"),
    cssBytes: sum("Stylesheet"),
    htmlBytes: sum("Document"),
    scripts: requests.filter((r) => r.resourceType === "Script").length,
    domSize: audit("dom-size")?.numericValue ?? NaN,
    legacyJsBytes: audit("legacy-javascript")?.details?.overallSavingsBytes ?? 0,
    unusedJsBytes: audit("unused-javascript")?.details?.overallSavingsBytes ?? 0,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    lcpElement: lcpElement ? (lcpElement.selector ?? lcpElement.snippet) : null,
    lcpPhases: phases.map((p) => `${p.phase ?? p.label} ${Math.round(p.timing ?? 0)} ms`).join(", "),
  };
}

/**
 * The simulated TBT split by cause (scripts, parse/style/layout, …: scripts/bench/blocking.mjs), as
 * `tbt.<cause>` figures; none when the throttling was applied, where Lighthouse simulates nothing.
 */
async function tbtCauses(lhr, artifacts) {
  if (lhr.runtimeError || lhr.configSettings.throttlingMethod !== "simulate") return {};
  try {
    const { byCause } = await blockingByCause(artifacts, lhr.configSettings);
    return Object.fromEntries(CAUSES.map((c) => [`tbt.${c}`, byCause[c]]));
  } catch (error) {
    console.warn(`  could not split the TBT by cause: ${error.message}`);
    return {};
  }
}

/** Medians over runs (the LCP element and phases: those of the median-LCP run). */
function summarize(all) {
  const runs = all.filter((r) => !r.error);
  if (!runs.length) throw new Error(`Lighthouse failed on every run: ${all.map((r) => r.error).join(", ")}`);
  const out = {};
  for (const key of Object.keys(runs[0])) {
    if (typeof runs[0][key] === "number") out[key] = median(runs.map((r) => r[key]));
  }
  const byLcp = [...runs].sort((a, b) => a.lcpMs - b.lcpMs)[Math.floor(runs.length / 2)];
  out.lcpElement = byLcp.lcpElement;
  out.lcpPhases = byLcp.lcpPhases;
  out.perRun = all.map((r) => ({
    error: r.error,
    performance: r.performance,
    tbtMs: Math.round(r.tbtMs),
    lcpMs: Math.round(r.lcpMs),
  }));
  return out;
}

/** The raw HTML of a page and how much of it is the inline RSC payload (self.__next_f.push scripts). */
async function htmlShape(url) {
  const html = await (await fetch(url)).text();
  const payload = [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce(
    (n, m) => n + m[0].length,
    0,
  );
  return { rawHtmlBytes: Buffer.byteLength(html), rscPayloadBytes: payload };
}

const loadLine = () => {
  const [a, b, c] = os.loadavg();
  return `load average ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)} (${os.cpus().length} cores), up ${Math.round(os.uptime() / 60)} min`;
};

/**
 * Builds the floor (and the items copy when `items`), starts every server, and runs Lighthouse on each
 * page in turn, `runs` times. The project itself must be built already.
 */
export async function runFloor({
  runs = 5,
  items = 0,
  baselines = [],
  noScripts = false,
  throttling = "simulate",
  log = console.log,
} = {}) {
  const loadBefore = loadLine();
  const dirs = [];
  const servers = [];
  try {
    log("  building the floor app …");
    const floorDir = buildFloor();
    dirs.push(floorDir);
    let itemsDir = null;
    if (items) {
      log(`  building a copy of the project with ${items} generated registry items …`);
      itemsDir = buildWithItems(items);
      dirs.push(itemsDir);
    }
    const floor = await startNext({ cwd: floorDir, ready: "/" });
    servers.push(floor);
    const policy = await startNext();
    servers.push(policy);
    const pages = [
      { id: "floor", label: "floor (minimal App Router page)", origin: floor.origin, path: "/" },
      { id: "policy", label: `policy page ${POLICY_PATH}`, origin: policy.origin, path: POLICY_PATH },
    ];
    if (noScripts) {
      const control = await serveWithoutScripts(`${policy.origin}${POLICY_PATH}`);
      servers.push(control);
      pages.push({
        id: "noscripts",
        label: "policy page's HTML without its scripts",
        origin: control.origin,
        path: POLICY_PATH,
      });
    }
    for (const [i, dir] of baselines.entries()) {
      const base = await startNext({ cwd: dir });
      servers.push(base);
      pages.push({ id: `baseline${i || ""}`, label: path.basename(dir), origin: base.origin, path: POLICY_PATH });
    }
    if (itemsDir) {
      const big = await startNext({ cwd: itemsDir });
      servers.push(big);
      pages.push({ id: "items", label: `policy page, +${items} items`, origin: big.origin, path: POLICY_PATH });
    }
    const perPage = Object.fromEntries(pages.map((p) => [p.id, []]));
    for (let i = 0; i < runs; i++) {
      for (const p of pages) {
        const { lhr, artifacts } = await lighthouseRun(p.origin, p.path, undefined, { throttlingMethod: throttling });
        const f = { ...figures(lhr), ...(await tbtCauses(lhr, artifacts)) };
        perPage[p.id].push(f);
        log(
          `  run ${i + 1}/${runs} ${p.id.padEnd(6)} ${f.error ? `Lighthouse failed: ${f.error}; ` : ""}performance ${f.performance}, TBT ${Math.round(f.tbtMs)} ms, LCP ${Math.round(f.lcpMs)} ms, benchmarkIndex ${Math.round(f.benchmarkIndex)}`,
        );
      }
    }
    const results = {};
    for (const p of pages)
      results[p.id] = { label: p.label, ...summarize(perPage[p.id]), ...(await htmlShape(`${p.origin}${p.path}`)) };
    return { runs, items, throttling, results, loadBefore, loadAfter: loadLine(), date: new Date().toISOString() };
  } finally {
    for (const s of servers) await s.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

/**
 * The control for `--without-scripts`: the policy page's HTML as `next start` serves it, less its external
 * scripts (scripts/bench/html.mjs), served gzipped from memory by a plain server, so Lighthouse measures what
 * the content costs without React and Next.js's chunks loading beside it.
 */
async function serveWithoutScripts(url) {
  const body = gzipSync(withoutScripts(await (await fetch(url)).text()));
  const server = createServer((req, res) => {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-encoding": "gzip",
      "cache-control": "no-store",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

export const FLOOR_HEADING = "## Against the framework's floor: policy page ÷ an empty App Router page";

const RATIO_ROWS = [
  ["TBT", "tbtMs", "ms"],
  ["LCP", "lcpMs", "ms"],
  ["FCP", "fcpMs", "ms"],
  ["JS (transferred)", "jsBytes", "B"],
  ["HTML (transferred)", "htmlBytes", "B"],
  ["HTML (raw)", "rawHtmlBytes", "B"],
  ["DOM elements", "domSize", ""],
];

const fmt = (v, unit) =>
  unit === "B" ? `${Math.round(v).toLocaleString("en")} B` : `${Math.round(v)}${unit ? ` ${unit}` : ""}`;
const ratio = (a, b) => (b ? (a / b).toFixed(2) : "–");

/** The result as a Markdown section (also what the command prints). */
export function describeFloor({ runs, items, throttling, results, loadBefore, loadAfter }) {
  const { floor, policy, items: big } = results;
  const baselines = Object.keys(results)
    .filter((k) => k.startsWith("baseline"))
    .map((k) => results[k]);
  const control = results.noscripts;
  const cols = [policy, ...(big ? [big] : []), ...(control ? [control] : []), ...baselines];
  const head =
    `| | floor | policy | policy ÷ floor |${big ? ` +${items} items | items ÷ floor |` : ""}${control ? " without scripts | ÷ floor |" : ""}${baselines.map((b) => ` ${b.label} | ÷ floor |`).join("")}\n` +
    `|---|---|---|---|${"---|---|".repeat(cols.length - 1)}\n`;
  const rows = [
    `| Performance score | ${floor.performance} | ` +
      cols.map((c) => `${c.performance} | ${c.performance - floor.performance} points |`).join(" "),
    ...RATIO_ROWS.map(
      ([label, key, unit]) =>
        `| ${label} | ${fmt(floor[key], unit)} | ` +
        cols.map((c) => `${fmt(c[key], unit)} | ${ratio(c[key], floor[key])}x |`).join(" "),
    ),
    ...CAUSES.filter((c) => cols.some((col) => col[`tbt.${c}`] >= 0.5) || floor[`tbt.${c}`] >= 0.5).map(
      (c) =>
        `| TBT: ${CAUSE_LABELS[c]} | ${fmt(floor[`tbt.${c}`], "ms")} | ` +
        cols
          .map((col) => {
            const [a, b] = [col[`tbt.${c}`], floor[`tbt.${c}`]];
            // the ratio to less than a millisecond says nothing
            return `${fmt(a, "ms")} | ${b >= 1 ? `${ratio(a, b)}x` : "–"} |`;
          })
          .join(" "),
    ),
    `| RSC payload in the HTML | ${fmt(floor.rscPayloadBytes, "B")} | ` +
      cols
        .map((c) => `${fmt(c.rscPayloadBytes, "B")} (${Math.round((100 * c.rscPayloadBytes) / c.rawHtmlBytes)}%) | |`)
        .join(" "),
    `| Legacy JS (Lighthouse estimate) | ${fmt(floor.legacyJsBytes, "B")} | ` +
      cols.map((c) => `${fmt(c.legacyJsBytes, "B")} | |`).join(" "),
    `| CLS | ${floor.cls.toFixed(3)} | ` + cols.map((c) => `${c.cls.toFixed(3)} | |`).join(" "),
    `| benchmarkIndex | ${Math.round(floor.benchmarkIndex)} | ` +
      cols.map((c) => `${Math.round(c.benchmarkIndex)} | |`).join(" "),
  ];
  const causes = CAUSES.some((c) => Number.isFinite(floor[`tbt.${c}`]))
    ? "\nThe rows `TBT: …` split Lighthouse's simulated TBT by what its long tasks did (`scripts/bench/blocking.mjs`); " +
      "each is a median over the runs, so they need not add up to the TBT's median.\n"
    : "";
  const lcp = [floor, ...cols]
    .map((r) => `- ${r.label}: LCP element \`${r.lcpElement ?? "?"}\`${r.lcpPhases ? ` (${r.lcpPhases})` : ""}`)
    .join("\n");
  const growth = big
    ? `\nWith ${items} items more the HTML grows by ${Math.round((big.rawHtmlBytes - policy.rawHtmlBytes) / items).toLocaleString("en")} B per item raw ` +
      `(${Math.round((big.htmlBytes - policy.htmlBytes) / items).toLocaleString("en")} B transferred), ` +
      `the RSC payload by ${Math.round((big.rscPayloadBytes - policy.rscPayloadBytes) / items).toLocaleString("en")} B per item.\n`
    : "";
  const perRun = [floor, ...cols]
    .map(
      (r) =>
        `- ${r.label}: ${r.perRun.map((x) => (x.error ? `failed (${x.error})` : `${x.performance}/${x.tbtMs}/${x.lcpMs}`)).join(", ")}`,
    )
    .join("\n");
  return (
    `Lighthouse, default mobile (Slow 4G, 4x CPU, ${throttling === "devtools" ? "applied while the page loads (devtools throttling)" : "simulated"}), ${runs} runs of each page taken in turn, medians.\n\n` +
    head +
    rows.join("\n") +
    `\n${causes}${growth}\n${lcp}\n\nPer run (performance/TBT ms/LCP ms):\n${perRun}\n\n` +
    `Machine load before: ${loadBefore}; after: ${loadAfter}.\n`
  );
}

/** Puts the result in its section of docs/benchmarks.md (without rerunning the whole of `npm run bench`). */
export function writeDocs(result) {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const doc = readFileSync(file, "utf8");
  const devtools = result.throttling === "devtools";
  const heading = devtools ? `${FLOOR_HEADING}, throttling applied` : FLOOR_HEADING;
  const flags = [
    result.items ? ` --items ${result.items}` : "",
    result.results.noscripts ? " --without-scripts" : "",
    devtools ? " --devtools" : "",
  ].join("");
  const section = `${heading}\n\nMeasured by \`npm run bench:floor${flags ? ` --${flags}` : ""}\` on ${result.date.slice(0, 10)}; machine: ${machine()}.\n\n${describeFloor(result)}`;
  const start = doc.indexOf(`${heading}\n`);
  const end = start < 0 ? -1 : doc.indexOf("\n## ", start + heading.length);
  const next =
    start < 0
      ? doc.replace("\n## Requests per second", `\n${section}\n## Requests per second`)
      : doc.slice(0, start) + section + (end < 0 ? "" : doc.slice(end + 1));
  writeFileSync(file, next);
  return path.relative(ROOT, file);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const runs = arg("--runs", 5);
  const items = arg("--items", 0);
  const baselines = process.argv.flatMap((a, i) => (a === "--baseline" ? [path.resolve(process.argv[i + 1])] : []));
  console.log(`bench:floor — ${new Date().toISOString()}\nMachine: ${machine()}\n`);
  const throttling = process.argv.includes("--devtools") ? "devtools" : "simulate";
  const noScripts = process.argv.includes("--without-scripts");
  const result = await runFloor({ runs, items, baselines, noScripts, throttling });
  console.log(`\n${describeFloor(result)}`);
  const json = process.argv.indexOf("--json");
  if (json > 0) writeFileSync(process.argv[json + 1], JSON.stringify(result, null, 2));
  if (process.argv.includes("--write-docs")) console.log(`Wrote the section to ${writeDocs(result)}`);
}
