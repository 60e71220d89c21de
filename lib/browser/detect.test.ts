import { describe, expect, it } from "vitest";
import { detectBrowser, guideOrder } from "./detect";

const UA = {
  chrome:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  firefox: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  iosSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  iosChrome:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  iosFirefox:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
  opera:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
  headless:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
};

describe("browser detection for the cookie-controls guide", () => {
  it("tells the four guided browsers apart by their User-Agent", () => {
    expect(detectBrowser({ userAgent: UA.chrome })).toBe("chrome");
    expect(detectBrowser({ userAgent: UA.edge })).toBe("edge");
    expect(detectBrowser({ userAgent: UA.firefox })).toBe("firefox");
    expect(detectBrowser({ userAgent: UA.safari })).toBe("safari");
    expect(detectBrowser({ userAgent: UA.iosSafari })).toBe("safari");
    expect(detectBrowser({ userAgent: UA.iosChrome })).toBe("chrome");
    expect(detectBrowser({ userAgent: UA.iosFirefox })).toBe("firefox");
  });

  it("does not pass other Chromium browsers off as Chrome when they say who they are", () => {
    expect(detectBrowser({ userAgent: UA.opera })).toBe("other");
    expect(detectBrowser({ userAgent: UA.chrome, brands: [{ brand: "Opera" }, { brand: "Chromium" }] })).toBe("other");
    expect(detectBrowser({ userAgent: "curl/8.0" })).toBe("other");
  });

  it("prefers client hints over the User-Agent string", () => {
    expect(
      detectBrowser({
        userAgent: UA.chrome,
        brands: [{ brand: "Not A(Brand" }, { brand: "Microsoft Edge" }, { brand: "Chromium" }],
      }),
    ).toBe("edge");
    expect(detectBrowser({ userAgent: UA.headless, brands: [{ brand: "Chromium" }, { brand: "Not_A Brand" }] })).toBe(
      "chrome",
    );
  });

  it("puts the detected browser first and keeps the rest in written order", () => {
    expect(guideOrder(["chrome", "edge", "firefox", "safari"], "firefox")).toEqual([
      "firefox",
      "chrome",
      "edge",
      "safari",
    ]);
    expect(guideOrder(["chrome", "edge", "firefox", "safari"], "other")).toEqual([
      "chrome",
      "edge",
      "firefox",
      "safari",
    ]);
  });
});
