// --stub-vendors: answers the real GA4 and TikTok URLs with the very stand-ins the e2e tests use
// (lib/testing/vendors.ts and lib/testing/stand-ins/), and keeps every other outside request off the internet.
// The crawler records each request before it is answered here.
import { existsSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { type Routable, routeVendors } from "@/lib/testing/vendors";

export const STAND_IN_DIR = "lib/testing/stand-ins";

export interface VendorStub {
  install(context: BrowserContext): Promise<void>;
}

export function loadVendorStub(root: string, siteHost: string): VendorStub {
  const standInDir = path.join(root, STAND_IN_DIR);
  for (const file of ["gtag.js", "tiktok-pixel.js", "cookies.js"])
    if (!existsSync(path.join(standInDir, file)))
      throw new Error(`--stub-vendors serves ${STAND_IN_DIR}/${file}, but it is missing.`);
  return {
    async install(context) {
      // The site under scan may live on any host (--url): never answer its own requests with stand-ins.
      const ownHostLeftAlone: Routable = {
        route: (matches, handler) => context.route((url) => url.hostname !== siteHost && matches(url), handler),
      };
      await routeVendors(ownHostLeftAlone, { standInDir });
    },
  };
}
