// `npm run scan`: proves the registry true by visiting the site in every consent state (see args.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { formatProblem } from "@/lib/content/problems";
import { parseRegistry } from "@/lib/registry/parse";
import type { Registry } from "@/lib/registry/schema";
import { analyze } from "@/lib/scan/analyze";
import { consentStates } from "@/lib/scan/states";
import { chromiumExecutable, quietChromiumArgs } from "@/lib/testing/chromium";
import { plural } from "@/lib/text/plural";
import { runWhenMain } from "../cli";
import { parseScanArgs, type ScanOptions, USAGE } from "./args";
import { type CrawlEvent, crawl } from "./crawl";
import { policyPages, samePage, sitemapLocations } from "./discover";
import { exitCodeOf, type ScanReport, seconds } from "./report";
import { renderHtml } from "./report-html";
import { renderText } from "./report-text";
import { buildNeeded, buildSite, freePort, type RunningSite, startSite } from "./site";
import { loadVendorStub } from "./vendors";

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Locales with a policy beside the registry: content/<locale>/cookie-policy.mdx. */
function contentLocales(registryFile: string): string[] {
  const dir = path.dirname(registryFile);
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name) && existsSync(path.join(dir, e.name, "cookie-policy.mdx")),
    )
    .map((e) => e.name)
    .sort();
}

/** Same-origin pages listed in /sitemap.xml (following one level of sitemap index); none when absent. */
async function sitemapPages(origin: string): Promise<string[]> {
  const fetchText = async (url: string) => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return res.ok ? await res.text() : null;
    } catch {
      return null;
    }
  };
  const root = await fetchText(new URL("/sitemap.xml", origin).href);
  if (root === null || !/<(urlset|sitemapindex)[\s>]/i.test(root)) return [];
  const top = sitemapLocations(root);
  const pages = [...top.pages];
  for (const nested of top.sitemaps.slice(0, 20)) {
    if (samePage(nested, origin, origin) === null) continue;
    const text = await fetchText(nested);
    if (text !== null) pages.push(...sitemapLocations(text).pages);
  }
  return [...new Set(pages.map((p) => samePage(p, origin, origin)).filter((p): p is string => p !== null))];
}

function progress(isTTY: boolean) {
  let active = false;
  const clear = () => {
    if (active && isTTY) process.stderr.write("\r\u001b[2K");
    active = false;
  };
  return (event: CrawlEvent) => {
    const step = `[${event.kind === "page" ? "" : `${(event as { index: number }).index + 1}/${(event as { total: number }).total}`}]`;
    if (event.kind === "state") {
      clear();
      log(`${step} ${event.state.label} …`);
    } else if (event.kind === "page") {
      if (!isTTY) return;
      clear();
      process.stderr.write(`      ${event.url}`.slice(0, (process.stderr.columns ?? 100) - 1));
      active = true;
    } else {
      clear();
      const o = event.observation;
      const cookies = new Set(o.snapshots.flatMap((s) => s.cookies.map((c) => c.name))).size;
      const storage = new Set(o.snapshots.flatMap((s) => s.storage.map((x) => `${x.storage}:${x.name}`))).size;
      const hosts = new Set(o.requests.map((r) => r.host)).size;
      const pages = new Set(o.visits.filter((v) => v.error === undefined).map((v) => v.url)).size;
      log(
        `${step} ${event.state.label}: ${plural(pages, "page")}, ${plural(cookies, "cookie")}, ${plural(storage, "storage name")}, ` +
          `${plural(o.requests.length, "request")} to ${plural(hosts, "other host")} (${seconds(o.finishedAt - o.startedAt)})` +
          (o.error !== undefined ? ` — could not scan: ${o.error}` : ""),
      );
    }
  };
}

async function scan(options: ScanOptions, root: string): Promise<number> {
  const started = Date.now();
  const registry = loadRegistry(options.registry);
  if (!registry) return 2;
  const states = consentStates(registry);

  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await site?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`scan: ${signal}, stopping`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    let start = options.url;
    if (start === undefined) {
      site = await startOwnSite(root, options.port);
      start = site.url;
    }
    const origin = new URL(start).origin;
    const stub = options.stubVendors ? loadVendorStub(root, new URL(start).hostname) : undefined;
    const sitemap = await sitemapPages(origin);

    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: quietChromiumArgs });
    const fromSitemap = sitemap.length > 0 ? `, ${sitemap.length} pages from /sitemap.xml` : "";
    log(`scan: ${start} in ${states.length} consent states${fromSitemap}`);
    const result = await crawl({
      browser,
      start,
      policyPages: policyPages(contentLocales(path.resolve(options.registry)), origin),
      sitemapPages: sitemap,
      states,
      maxPages: options.maxPages,
      settleMs: options.settle,
      ...(stub ? { stub } : {}),
      onProgress: progress(Boolean(process.stderr.isTTY)),
    });

    const report: ScanReport = {
      tool: "candor-scan",
      site: start,
      registry: options.registry,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      stubVendors: options.stubVendors,
      droppedPages: result.dropped,
      ...analyze({ registry, states, observations: result.observations, site: origin }),
      observations: result.observations,
    };
    await writeReports(options, report);
    return exitCodeOf(report);
  } catch (error) {
    log(`scan: could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
}

/** The registry to compare with, or null after saying why it cannot be used (exit status 2). */
function loadRegistry(file: string): Registry | null {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), "utf8");
  } catch {
    log(`scan: cannot read the registry ${file}`);
    return null;
  }
  const parsed = parseRegistry(text, file);
  if (parsed.success) return parsed.data;
  log(`scan: the registry has problems; fix them first:\n${parsed.problems.map(formatProblem).join("\n")}`);
  return null;
}

/** Builds the site if its build is missing or stale, and starts it on a free port. */
async function startOwnSite(root: string, port: number | undefined): Promise<RunningSite> {
  const why = buildNeeded(root);
  if (why) {
    log(`scan: building the site first (${why}) …`);
    await buildSite(root);
  }
  const site = await startSite(root, port ?? (await freePort()));
  log(`scan: started the site on ${site.url} (pid ${site.pid})`);
  return site;
}

/** The JSON and HTML reports where asked for, and the text report on stdout. */
async function writeReports(options: ScanOptions, report: ScanReport): Promise<void> {
  const write = async (file: string, text: string) => {
    const target = path.resolve(process.cwd(), file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    log(`scan: wrote ${file}`);
  };
  if (options.json) await write(options.json, JSON.stringify(report, null, 2) + "\n");
  if (options.html) await write(options.html, renderHtml(report));
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(renderText(report, { color }));
}

export async function main(argv: string[], root: string): Promise<number> {
  const args = parseScanArgs(argv);
  if (!args.success) {
    log(`scan: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return scan(args.options, root);
}

runWhenMain(import.meta, (argv) => main(argv, path.resolve(import.meta.dirname, "../..")));
