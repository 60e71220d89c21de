// Finds a Chromium for Playwright: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: no executablePath needed
  } catch {
    // fall through to the message below
  }
  throw new Error(
    [
      "No Chromium found for the end-to-end tests.",
      "Install one of:",
      "  - Debian/Ubuntu: sudo apt-get install -y chromium   (found at /usr/bin/chromium)",
      "  - any OS:        npx playwright install chromium",
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    ].join("\n"),
  );
}

/** Flags that keep Chromium from calling home on a machine without internet. */
export const quietChromiumArgs = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-features=Translate,OptimizationHints,MediaRouter",
];
