// Which pages a scan visits: the policy page of every locale, same-origin links found on them, and the
// sitemap's pages. Pure helpers; the crawler feeds them what the browser and the server return.

import { policyHref } from "@/lib/site/routes";

/** A page address without its #fragment, or null when it is not an http(s) page of the site's origin. */
export function samePage(href: string, base: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.origin !== origin) return null;
  url.hash = "";
  return url.href;
}

/** The <loc> addresses of a sitemap or sitemap index, with XML entities decoded. */
export function sitemapLocations(xml: string): { pages: string[]; sitemaps: string[] } {
  const locs = (block: string) =>
    [...block.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/gi)].map((m) =>
      (m[1] ?? "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&"),
    );
  if (/<sitemapindex[\s>]/i.test(xml)) return { pages: [], sitemaps: locs(xml) };
  return { pages: locs(xml), sitemaps: [] };
}

/** The policy page of each locale that has a content folder: /en/cookie-policy … */
export function policyPages(locales: string[], origin: string): string[] {
  return locales.map((l) => new URL(policyHref(encodeURIComponent(l)), origin).href);
}

export interface PageQueue {
  /** Add a page; `expand` pages have their links followed (policy pages). Returns false when full or known. */
  add(url: string, expand: boolean): boolean;
  next(): { url: string; expand: boolean } | undefined;
  /** Record where a visit really landed (after redirects); false when that page was already visited. */
  landed(url: string): boolean;
  readonly visited: string[];
  readonly dropped: number;
}

/** Breadth-first, each page once, at most `max` pages visited. */
export function pageQueue(max: number): PageQueue {
  const queued: { url: string; expand: boolean }[] = [];
  const known = new Set<string>();
  const visited: string[] = [];
  let dropped = 0;
  return {
    add(url, expand) {
      if (known.has(url)) {
        // A page first met as a plain link and later as a policy page (hreflang) is still expanded.
        if (expand) {
          const waiting = queued.find((q) => q.url === url);
          if (waiting) waiting.expand = true;
        }
        return false;
      }
      known.add(url);
      if (visited.length + queued.length >= max) {
        dropped++;
        return false;
      }
      queued.push({ url, expand });
      return true;
    },
    next: () => queued.shift(),
    landed(url) {
      if (visited.includes(url)) return false;
      known.add(url);
      visited.push(url);
      return true;
    },
    get visited() {
      return [...visited];
    },
    get dropped() {
      return dropped;
    },
  };
}
