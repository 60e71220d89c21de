import { afterEach, describe, expect, it } from "vitest";

const own = URL.canParse;
afterEach(() => {
  URL.canParse = own;
});

describe("the polyfills the supported browsers still need (next.config.mjs aliases Next's to them)", () => {
  it("adds URL.canParse where the browser lacks it (Chrome before 120, Firefox before 115, Safari before 17)", async () => {
    Reflect.deleteProperty(URL, "canParse");
    expect(typeof URL.canParse).toBe("undefined");
    await import("./polyfill-module");
    expect(URL.canParse("https://example.com/a")).toBe(true);
    expect(URL.canParse("/a", "https://example.com")).toBe(true);
    expect(URL.canParse("/a")).toBe(false);
    expect(URL.canParse("http://[::1")).toBe(false);
  });
});
