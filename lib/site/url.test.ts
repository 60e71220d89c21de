import { describe, expect, it } from "vitest";
import { isHostName, missingSiteUrlWarning, publicHostname, siteUrl } from "./url";

describe("siteUrl", () => {
  it("falls back to localhost when SITE_URL is unset or blank", () => {
    expect(siteUrl({}).href).toBe("http://localhost:3000/");
    expect(siteUrl({ SITE_URL: "  " }).href).toBe("http://localhost:3000/");
  });
  it("takes the address with or without a trailing slash", () => {
    expect(siteUrl({ SITE_URL: "https://imsupporting.com" }).href).toBe("https://imsupporting.com/");
    expect(siteUrl({ SITE_URL: "https://imsupporting.com/" }).href).toBe("https://imsupporting.com/");
  });
  it("refuses a malformed address, a path or another scheme, saying what to write", () => {
    expect(() => siteUrl({ SITE_URL: "imsupporting.com" })).toThrow(/full web address/);
    expect(() => siteUrl({ SITE_URL: "https://imsupporting.com/policy" })).toThrow(/without a path/);
    expect(() => siteUrl({ SITE_URL: "ftp://imsupporting.com" })).toThrow(/full web address/);
  });
});

describe("publicHostname", () => {
  const site = new URL("https://imsupporting.com");
  it("believes a Host that is the configured host or a direct subdomain, port or not", () => {
    expect(publicHostname("imsupporting.com", site)).toBe("imsupporting.com");
    expect(publicHostname("WWW.imsupporting.com:443", site)).toBe("www.imsupporting.com");
  });
  it("falls back to the configured host for anything else", () => {
    for (const host of [
      null,
      "",
      "127.0.0.1:3000", // nginx's default upstream name
      "evil.example",
      "imsupporting.com.evil.example",
      "eviLimsupporting.com",
      "a.b.imsupporting.com", // deeper than one label
      "x.com; SameSite=None",
      "-x.imsupporting.com",
      `${"a".repeat(64)}.imsupporting.com`,
      `${"a.".repeat(2000)}imsupporting.com`,
    ])
      expect(publicHostname(host, site), String(host).slice(0, 40)).toBe("imsupporting.com");
  });
});

describe("isHostName", () => {
  it("takes RFC 1123 names of at most 253 characters only", () => {
    expect(isHostName("www.imsupporting.com")).toBe(true);
    expect(isHostName(`${"a".repeat(63)}.com`)).toBe(true);
    expect(isHostName(`${"a".repeat(64)}.com`)).toBe(false);
    expect(isHostName(`${"a.".repeat(125)}com`)).toBe(true);
    expect(isHostName(`${"a.".repeat(126)}com`)).toBe(false);
    for (const bad of ["", "a..b", "a_b.com", "a b", "x.com;", "-a.com", "a-.com", "ä.com"])
      expect(isHostName(bad), bad).toBe(false);
  });
});

describe("missingSiteUrlWarning", () => {
  it("names the variable and what it affects when unset, and is silent when set", () => {
    expect(missingSiteUrlWarning({})).toMatch(/SITE_URL is not set.*canonical and hreflang/);
    expect(missingSiteUrlWarning({ SITE_URL: "https://imsupporting.com" })).toBeNull();
  });
});
