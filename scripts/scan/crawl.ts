// Drives Chromium through the site once per consent state, each in a fresh browser context: finds the
// pages (first state), brings about the state through the consent UI, and records after every page the
// cookies (HttpOnly included, with their expiry), web storage, IndexedDB and Cache Storage names of
// every frame's origin, and every request to another host.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { z } from "zod";
import {
  type ObservedRequest,
  type ObservedStorage,
  observedStorageSchema,
  type PageVisit,
  type Phase,
  type Snapshot,
  type StateObservation,
} from "@/lib/scan/observation";
import type { ConsentState } from "@/lib/scan/states";
import { applyState } from "./consent-ui";
import { type PageQueue, pageQueue, samePage } from "./discover";
import type { VendorStub } from "./vendors";

export type CrawlEvent =
  | { kind: "state"; index: number; total: number; state: ConsentState }
  | { kind: "page"; state: ConsentState; url: string }
  | { kind: "state-done"; index: number; total: number; state: ConsentState; observation: StateObservation };

export interface CrawlInput {
  browser: Browser;
  /** Where the visit starts (the site's root or a page of it). */
  start: string;
  /** Policy pages of every locale (links on them are followed) and sitemap pages (they are not). */
  policyPages: string[];
  sitemapPages: string[];
  states: ConsentState[];
  maxPages: number;
  settleMs: number;
  stub?: VendorStub;
  onProgress?: (event: CrawlEvent) => void;
}

export interface CrawlResult {
  observations: StateObservation[];
  pages: string[];
  /** Pages found but left out because of --max-pages. */
  dropped: number;
}

const NAVIGATION_MS = 30_000;
const QUIET_MS = 5_000;

/** Runs in every frame: the names the browser holds for that frame's origin. */
async function readStorage(): Promise<unknown> {
  const out: { storage: string; origin: string; name: string }[] = [];
  const origin = location.origin;
  for (const area of ["localStorage", "sessionStorage"] as const) {
    try {
      const store = window[area];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key !== null) out.push({ storage: area, origin, name: key });
      }
    } catch {
      // storage blocked for this frame: nothing to read
    }
  }
  try {
    if (typeof indexedDB !== "undefined" && typeof indexedDB.databases === "function")
      for (const db of await indexedDB.databases())
        if (db.name) out.push({ storage: "indexedDB", origin, name: db.name });
  } catch {
    // not available in this frame
  }
  try {
    if (typeof caches !== "undefined")
      for (const name of await caches.keys()) out.push({ storage: "cacheStorage", origin, name });
  } catch {
    // Cache Storage exists only in secure contexts
  }
  return out;
}

function readLinks(): unknown {
  return {
    links: Array.from(document.querySelectorAll("a[href]"), (a) => (a as HTMLAnchorElement).href),
    alternates: Array.from(
      document.querySelectorAll('link[rel~="alternate"][hreflang]'),
      (l) => (l as HTMLLinkElement).href,
    ),
  };
}
const linksSchema = z.object({ links: z.array(z.string()), alternates: z.array(z.string()) });

const GPC_SCRIPT = `Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true });`;

async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: QUIET_MS }).catch(() => undefined);
  if (ms > 0) await page.waitForTimeout(ms);
}

async function snapshot(context: BrowserContext, page: Page, phase: Phase): Promise<Snapshot> {
  const cookies = (await context.cookies()).map((c) => ({
    name: c.name,
    domain: c.domain,
    path: c.path,
    expires: c.expires,
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: c.sameSite,
  }));
  // Taken after reading, so "expires - takenAt" never overstates a cookie's lifetime.
  const takenAt = Date.now();
  const storage: ObservedStorage[] = [];
  for (const frame of page.frames()) {
    if (!/^https?:/.test(frame.url())) continue;
    let raw: unknown;
    try {
      raw = await frame.evaluate(readStorage);
    } catch {
      continue; // the frame went away while reading
    }
    const parsed = z.array(observedStorageSchema).safeParse(raw);
    if (!parsed.success) throw new Error(`A frame of ${page.url()} returned storage names the scanner cannot read.`);
    for (const s of parsed.data)
      if (!storage.some((o) => o.storage === s.storage && o.origin === s.origin && o.name === s.name)) storage.push(s);
  }
  return { page: page.url().replace(/#.*$/, ""), phase, takenAt, cookies, storage };
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}

// One function on purpose: the request listener, visit() and both plans share the state's mutable
// `phase` and current page, which every observed request is stamped with; split apart they would pass
// one mutable object around instead.
async function observeState(
  input: CrawlInput,
  state: ConsentState,
  origin: string,
  plan: { discover: PageQueue } | { pages: string[] },
): Promise<StateObservation> {
  const startedAt = Date.now();
  const siteHost = new URL(origin).hostname;
  const context = await input.browser.newContext({
    locale: "en-US",
    ...(state.gpc ? { extraHTTPHeaders: { "Sec-GPC": "1" } } : {}),
  });
  const visits: PageVisit[] = [];
  const snapshots: Snapshot[] = [];
  const requests: ObservedRequest[] = [];
  let phase: Phase = "before-choice";
  let current = input.start;
  const done = (error?: string): StateObservation => ({
    state: state.id,
    startedAt,
    finishedAt: Date.now(),
    visits,
    snapshots,
    requests,
    ...(error !== undefined ? { error } : {}),
  });

  try {
    if (state.gpc) await context.addInitScript(GPC_SCRIPT);
    if (input.stub) await input.stub.install(context);
    context.on("request", (request) => {
      let url: URL;
      try {
        url = new URL(request.url());
      } catch {
        return;
      }
      if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === siteHost) return;
      requests.push({
        url: url.href,
        host: url.hostname,
        method: request.method(),
        resourceType: request.resourceType(),
        page: current,
        phase,
      });
    });
    const page = await context.newPage();

    /** Loads a page; returns where it landed and whether it is an HTML page, or null when it failed. */
    const visit = async (url: string): Promise<{ url: string; html: boolean } | null> => {
      current = url;
      input.onProgress?.({ kind: "page", state, url });
      try {
        const response = await page.goto(url, { waitUntil: "load", timeout: NAVIGATION_MS });
        await settle(page, input.settleMs);
        const landed = page.url().replace(/#.*$/, "");
        current = landed;
        const html = response === null || (response.headers()["content-type"] ?? "").includes("html");
        if (html) visits.push({ url: landed, status: response?.status() ?? null });
        return { url: landed, html };
      } catch (error) {
        visits.push({ url, status: null, error: message(error) });
        return null;
      }
    };

    if ("discover" in plan) {
      const queue = plan.discover;
      for (let next = queue.next(); next; next = queue.next()) {
        if (queue.visited.includes(next.url)) continue; // reached already, through a redirect
        const result = await visit(next.url);
        if (!result || !result.html || !queue.landed(result.url)) continue;
        snapshots.push(await snapshot(context, page, phase));
        if (!next.expand || new URL(result.url).origin !== origin) continue;
        const found = linksSchema.safeParse(await page.evaluate(readLinks).catch(() => null));
        if (!found.success) continue;
        for (const href of found.data.alternates) {
          const url = samePage(href, result.url, origin);
          if (url) queue.add(url, true);
        }
        for (const href of found.data.links) {
          const url = samePage(href, result.url, origin);
          if (url) queue.add(url, false);
        }
      }
      return done(
        visits.some((v) => v.error === undefined)
          ? undefined
          : `No page of ${origin} could be loaded: ${visits[0]?.error ?? "nothing to visit"}`,
      );
    }

    const pages = plan.pages;
    const first = pages[0];
    if (first === undefined) return done("There is no page to visit.");
    if (!(await visit(first))) return done(`The first page could not be loaded: ${visits.at(-1)?.error ?? ""}`);
    snapshots.push(await snapshot(context, page, phase));
    try {
      await applyState(page, state, () => {
        phase = "after-choice";
      });
    } catch (error) {
      return done(message(error));
    }
    if (state.action.kind !== "none") phase = "after-choice";
    await settle(page, input.settleMs);
    snapshots.push(await snapshot(context, page, phase));
    for (const url of pages) {
      if (await visit(url)) snapshots.push(await snapshot(context, page, phase));
    }
    return done();
  } catch (error) {
    return done(message(error));
  } finally {
    await context.close().catch(() => undefined);
  }
}

export async function crawl(input: CrawlInput): Promise<CrawlResult> {
  const origin = new URL(input.start).origin;
  const queue = pageQueue(input.maxPages);
  queue.add(new URL(input.start).href.replace(/#.*$/, ""), true);
  for (const url of input.policyPages) queue.add(url, true);
  for (const url of input.sitemapPages) queue.add(url, false);

  const [discovery, ...rest] = input.states;
  if (!discovery || discovery.action.kind !== "none")
    throw new Error("The first state of a scan must be the one without a decision.");
  const observations: StateObservation[] = [];
  const total = input.states.length;

  input.onProgress?.({ kind: "state", index: 0, total, state: discovery });
  const first = await observeState(input, discovery, origin, { discover: queue });
  observations.push(first);
  input.onProgress?.({ kind: "state-done", index: 0, total, state: discovery, observation: first });
  const pages = queue.visited;

  for (const [i, state] of rest.entries()) {
    input.onProgress?.({ kind: "state", index: i + 1, total, state });
    const observation = await observeState(input, state, origin, { pages });
    observations.push(observation);
    input.onProgress?.({ kind: "state-done", index: i + 1, total, state, observation });
  }
  return { observations, pages, dropped: queue.dropped };
}
