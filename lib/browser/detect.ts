// Which browser's steps to show first in the policy's "Browser Cookie Controls". A best guess from
// User-Agent Client Hints where the browser has them, else the User-Agent string; a wrong guess
// only changes the order, every browser's steps stay on the page.

export const guideBrowsers = ["chrome", "edge", "firefox", "safari"] as const;
export type GuideBrowser = (typeof guideBrowsers)[number];
export type DetectedBrowser = GuideBrowser | "other";

export function isGuideBrowser(value: string): value is GuideBrowser {
  return (guideBrowsers as readonly string[]).includes(value);
}

export interface BrowserHints {
  userAgent: string;
  /** navigator.userAgentData.brands, where the browser offers it (Chromium-based browsers). */
  brands?: ReadonlyArray<{ brand: string }>;
}

export function detectBrowser({ userAgent: ua, brands }: BrowserHints): DetectedBrowser {
  if (brands && brands.length) {
    const names = brands.map((b) => b.brand);
    if (names.includes("Microsoft Edge")) return "edge";
    if (names.includes("Opera") || names.includes("Opera GX") || names.includes("Brave")) return "other";
    if (names.includes("Google Chrome")) return "chrome";
    // Plain "Chromium" (and Chromium forks that keep quiet about themselves): Chrome's menus are the closest
    if (names.includes("Chromium")) return /\b(OPR|YaBrowser|SamsungBrowser|Vivaldi)\//.test(ua) ? "other" : "chrome";
  }
  if (/\bEdg(e|A|iOS)?\//.test(ua)) return "edge";
  if (/\b(OPR|Opera|YaBrowser|SamsungBrowser|Vivaldi|UCBrowser)\//.test(ua)) return "other";
  if (/\b(Firefox|FxiOS)\//.test(ua)) return "firefox";
  if (/\b(Chrome|Chromium|CriOS)\//.test(ua)) return "chrome";
  if (
    /\bVersion\/[\d.]+.*\bSafari\//.test(ua) ||
    (/\bAppleWebKit\//.test(ua) && /\b(iPhone|iPad|Macintosh)\b/.test(ua))
  )
    return "safari";
  return "other";
}

/** The order to show the guides in: the detected browser first, the rest as written. */
export function guideOrder<T extends string>(written: readonly T[], detected: DetectedBrowser): T[] {
  const first = written.filter((b) => b === detected);
  return [...first, ...written.filter((b) => b !== detected)];
}
