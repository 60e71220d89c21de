// --stub-vendors: answers the real GA4 and TikTok script URLs with the same stand-in scripts the e2e tests
// use, their beacons with an empty 204, and keeps every other third-party request off the internet.
// Requests are still recorded by the crawler before they are answered here.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import type { Registry } from "@/lib/registry/schema";
import { serviceForHost } from "@/lib/scan/hosts";

/** The stand-ins the e2e tests serve for the real vendor scripts (e2e/fixtures/vendors/). */
export const STAND_INS = [
  { file: "e2e/fixtures/vendors/gtag.js", host: "www.googletagmanager.com", path: "/gtag/js" },
  { file: "e2e/fixtures/vendors/tiktok-pixel.js", host: "analytics.tiktok.com", path: "/i18n/pixel/events.js" },
] as const;

export interface VendorStub {
  install(context: BrowserContext): Promise<void>;
}

export async function loadVendorStub(root: string, registry: Registry, siteHost: string): Promise<VendorStub> {
  const scripts = await Promise.all(
    STAND_INS.map(async (s) => {
      try {
        return { ...s, body: await readFile(path.join(root, s.file), "utf8") };
      } catch {
        throw new Error(`--stub-vendors serves ${s.file}, but it is missing.`);
      }
    }),
  );
  return {
    async install(context) {
      await context.route(
        (url) => (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== siteHost,
        async (route) => {
          const url = new URL(route.request().url());
          const script = scripts.find((s) => s.host === url.hostname && s.path === url.pathname);
          if (script) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: script.body });
          if (serviceForHost(registry, url.hostname)) return route.fulfill({ status: 204, body: "" });
          return route.abort("blockedbyclient");
        },
      );
    },
  };
}
