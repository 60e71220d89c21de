import { describe, expect, it } from "vitest";
import { siteUrl } from "./url";

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
