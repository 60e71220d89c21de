// Shared by the consent specs: where to visit, and what the browser really holds.
import { type BrowserContext, expect, type Page } from "@playwright/test";
import { OUTBOX_KEY } from "../lib/consent-log/outbox";
import { TEST_GA_MEASUREMENT_ID, TEST_TIKTOK_PIXEL_ID } from "../playwright.config";

const PORT = Number(process.env.E2E_PORT ?? 3123);
export const POLICY = "/en/cookie-policy";
/** The policy under a host with a parent domain (candor.test), so vendors can set Domain=candor.test cookies. */
export const POLICY_ON_SUBDOMAIN = `http://www.candor.test:${PORT}${POLICY}`;
export const GA_ID = TEST_GA_MEASUREMENT_ID;
export const TIKTOK_ID = TEST_TIKTOK_PIXEL_ID;
export const RECORD_KEY = "candor:consent";
export { OUTBOX_KEY };

export interface Held {
  cookies: Array<{ name: string; domain: string }>;
  localStorage: string[];
  sessionStorage: string[];
}

/** Every cookie of the context and every storage key of the page's origin. */
export async function held(page: Page, context: BrowserContext): Promise<Held> {
  const cookies = (await context.cookies()).map((c) => ({ name: c.name, domain: c.domain }));
  const storage = await page.evaluate(() => {
    const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!).sort();
    try {
      return { localStorage: keys(localStorage), sessionStorage: keys(sessionStorage) };
    } catch {
      return { localStorage: [], sessionStorage: [] };
    }
  });
  return { cookies, ...storage };
}

/** What is held beyond the strictly necessary (the consent record and the consent log's outbox are the
 * necessary keys this site sets). */
export async function nonEssential(page: Page, context: BrowserContext): Promise<string[]> {
  const h = await held(page, context);
  return [
    ...h.cookies.map((c) => `cookie:${c.name}@${c.domain}`),
    ...h.localStorage.filter((k) => k !== RECORD_KEY && k !== OUTBOX_KEY).map((k) => `localStorage:${k}`),
    ...h.sessionStorage.map((k) => `sessionStorage:${k}`),
  ];
}

export const banner = (page: Page) => page.getByRole("region", { name: "Cookies on IMsupporting" });
export const dialog = (page: Page) => page.getByRole("dialog", { name: "Cookie settings" });
export const typesTable = (page: Page) => page.getByRole("table", { name: "Details of cookies used by IMsupporting" });

/** Collects uncaught page errors and console errors; assert it stays empty. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Chromium's notice that Cross-Origin-Opener-Policy does not apply over plain http (www.candor.test
    // in these tests; the deployed site is https) is about the test's address, not the page
    if (
      m.type() === "error" &&
      !/ERR_BLOCKED_BY_CLIENT|Failed to load resource|Cross-Origin-Opener-Policy header has been ignored/.test(m.text())
    )
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** A consent record as the site writes it, with fields overridden. */
export function storedRecord(over: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    schema: 1,
    id: "0f8fad5b-d9cb-469f-a165-70867728950e",
    decidedAt: new Date(now - 60_000).toISOString(),
    expiresAt: new Date(now + 90 * 86_400_000).toISOString(),
    revision: 2,
    policyVersion: "1.1",
    categories: { necessary: true, analytics: true, advertising: true, functional: true, security: true },
    services: { ga4: true, tiktok: true },
    gpc: false,
    method: "banner-accept-all",
    ...over,
  };
}

/** Stores a raw value under the record key on the site's origin (via a page without the consent code). */
export async function seedRecord(page: Page, raw: string, origin = "") {
  await page.goto(`${origin}/__seed-not-a-page`);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [RECORD_KEY, raw]);
}

export async function expectNoVendorStorage(page: Page, context: BrowserContext) {
  const h = await held(page, context);
  const vendor = /^(_ga|_ga_.*|_ttp|_tt_enable_cookie|ttcsid.*|ttclid|tt_.*)$/;
  expect(h.cookies.filter((c) => vendor.test(c.name))).toEqual([]);
  expect(h.localStorage.filter((k) => vendor.test(k))).toEqual([]);
  expect(h.sessionStorage.filter((k) => vendor.test(k))).toEqual([]);
}
