import { describe, expect, it } from "vitest";
import { cookieDomains, cookiePaths, deleteCookie, expiryWrites, parseCookieString } from "./cookies";

describe("cookie helpers", () => {
  it("parses document.cookie, keeping values with = and nameless cookies", () => {
    expect(parseCookieString("a=1; _ga=GA1.1.2=3; flag")).toEqual([
      { name: "a", value: "1" },
      { name: "_ga", value: "GA1.1.2=3" },
      { name: "", value: "flag" },
    ]);
    expect(parseCookieString("")).toEqual([]);
  });

  it("lists the domains a script can write, up to two labels", () => {
    expect(cookieDomains("www.shop.example.com")).toEqual(["www.shop.example.com", "shop.example.com", "example.com"]);
    expect(cookieDomains("www.candor.test")).toEqual(["www.candor.test", "candor.test"]);
    expect(cookieDomains("localhost")).toEqual([]);
    expect(cookieDomains("127.0.0.1")).toEqual([]);
  });

  it("lists / and every parent of the path", () => {
    expect(cookiePaths("/en/cookie-policy")).toEqual(["/", "/en", "/en/cookie-policy"]);
    expect(cookiePaths("/")).toEqual(["/"]);
  });

  it("writes an expiry for host-only and each domain, on each path", () => {
    const writes = expiryWrites("_ga", { hostname: "www.candor.test", pathname: "/en/x", protocol: "http:" });
    expect(writes).toContain("_ga=; Max-Age=0; Path=/");
    expect(writes).toContain("_ga=; Max-Age=0; Path=/; Domain=candor.test");
    expect(writes).toHaveLength(3 * 3);
    expect(
      expiryWrites("x", { hostname: "a.b", pathname: "/", protocol: "https:" }).every((w) => w.endsWith("; Secure")),
    ).toBe(true);
  });

  it("never throws when cookies are blocked", () => {
    const blocked = {
      get cookie(): string {
        throw new DOMException("blocked", "SecurityError");
      },
      set cookie(_v: string) {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    expect(deleteCookie("_ga", blocked, { hostname: "x.y", pathname: "/" })).toBe(false);
  });
});
