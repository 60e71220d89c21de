// Hashes of the inline scripts in every prerendered page of the production build (.next/server/app),
// read once per server process. The CSP of a page lists exactly its own inline scripts.
import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { inlineScriptHashes } from "./inline-scripts";

export interface PageHashes {
  byPath: Map<string, string[]>;
  /** Every hash of every page: for responses with no prerendered page of their own (404s). */
  all: string[];
}

export function readPageHashes(appDir: string): PageHashes {
  const byPath = new Map<string, string[]>();
  const all = new Set<string>();
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no build (next dev): no hashes
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".html")) {
        const hashes = inlineScriptHashes(readFileSync(full, "utf8"));
        const route =
          "/" +
          path
            .relative(appDir, full)
            .replace(/\\/g, "/")
            .replace(/\.html$/, "")
            .replace(/(^|\/)index$/, "");
        byPath.set(route === "/" ? "/" : route.replace(/\/$/, ""), hashes);
        hashes.forEach((h) => all.add(h));
      }
    }
  };
  walk(appDir);
  return { byPath, all: [...all] };
}

export function hashesForPath(pages: PageHashes, pathname: string): string[] {
  const clean = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  return pages.byPath.get(clean) ?? pages.all;
}
