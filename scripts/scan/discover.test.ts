import { describe, expect, it } from "vitest";
import { pageQueue, policyPages, samePage, sitemapLocations } from "./discover";

const ORIGIN = "http://localhost:3161";

describe("samePage", () => {
  it("keeps pages of the site's origin, without their fragment", () => {
    expect(samePage("/en/about#team", `${ORIGIN}/en/cookie-policy`, ORIGIN)).toBe(`${ORIGIN}/en/about`);
    expect(samePage("about?x=1", `${ORIGIN}/en/cookie-policy`, ORIGIN)).toBe(`${ORIGIN}/en/about?x=1`);
  });

  it("drops other origins, other schemes and nonsense", () => {
    expect(samePage("https://example.com/", ORIGIN, ORIGIN)).toBeNull();
    expect(samePage("http://127.0.0.1:3161/", ORIGIN, ORIGIN)).toBeNull();
    expect(samePage("mailto:a@b.c", ORIGIN, ORIGIN)).toBeNull();
    expect(samePage("javascript:void(0)", ORIGIN, ORIGIN)).toBeNull();
    expect(samePage("http://[bad", ORIGIN, ORIGIN)).toBeNull();
  });
});

describe("sitemapLocations", () => {
  it("reads the pages of a sitemap, decoding entities", () => {
    const xml = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>${ORIGIN}/en/cookie-policy</loc></url>
      <url><loc>
        ${ORIGIN}/search?a=1&amp;b=2
      </loc><lastmod>2026-01-01</lastmod></url></urlset>`;
    expect(sitemapLocations(xml)).toEqual({
      pages: [`${ORIGIN}/en/cookie-policy`, `${ORIGIN}/search?a=1&b=2`],
      sitemaps: [],
    });
  });

  it("reads the sitemaps of a sitemap index", () => {
    const xml = `<sitemapindex><sitemap><loc>${ORIGIN}/a.xml</loc></sitemap></sitemapindex>`;
    expect(sitemapLocations(xml)).toEqual({ pages: [], sitemaps: [`${ORIGIN}/a.xml`] });
  });
});

describe("policyPages", () => {
  it("names the policy page of each locale", () => {
    expect(policyPages(["de", "en"], ORIGIN)).toEqual([`${ORIGIN}/de/cookie-policy`, `${ORIGIN}/en/cookie-policy`]);
  });
});

describe("pageQueue", () => {
  it("hands out each page once, first in first out", () => {
    const q = pageQueue(10);
    expect(q.add("a", true)).toBe(true);
    expect(q.add("b", false)).toBe(true);
    expect(q.add("a", false)).toBe(false);
    expect(q.next()).toEqual({ url: "a", expand: true });
    q.landed("a");
    expect(q.next()).toEqual({ url: "b", expand: false });
    expect(q.next()).toBeUndefined();
  });

  it("follows the links of a page first met as a plain link and later as a policy page", () => {
    const q = pageQueue(10);
    q.add("de", false);
    q.add("de", true);
    expect(q.next()).toEqual({ url: "de", expand: true });
  });

  it("knows a redirect target it already visited", () => {
    const q = pageQueue(10);
    q.add("/", true);
    q.add("/en", true);
    q.next();
    expect(q.landed("/en")).toBe(true);
    expect(q.next()?.url).toBe("/en");
    expect(q.landed("/en")).toBe(false);
    expect(q.visited).toEqual(["/en"]);
  });

  it("stops at the limit and counts what it left out", () => {
    const q = pageQueue(2);
    q.add("a", true);
    q.add("b", true);
    q.add("c", true);
    q.add("d", true);
    expect(q.dropped).toBe(2);
    expect([q.next()?.url, q.next()?.url, q.next()]).toEqual(["a", "b", undefined]);
  });
});
