// Hashes of the inline scripts in every prerendered page of the production build (.next/server/app),
// read once per server process. The CSP of a page lists exactly its own inline scripts.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prerenderedPages } from "../build/prerendered";
import { inlineScriptHashes } from "./inline-scripts";

/** The prerendered page Next.js answers every unknown address with (app/global-not-found.tsx). */
const NOT_FOUND_PAGE = "/_not-found";

export interface PageHashes {
  byPath: Map<string, string[]>;
  /** The 404 page's own hashes: what any address without a prerendered page of its own answers with. */
  notFound: string[];
}

/**
 * Reads the hashes of every prerendered page. Throws, saying what is wrong, when there is no build to
 * read or it has no 404 page: a server that went on would send pages whose every script the CSP blocks.
 */
export function readPageHashes(appDir: string): PageHashes {
  const byPath = new Map<string, string[]>();
  try {
    for (const full of prerenderedPages(appDir)) {
      const route =
        "/" +
        path
          .relative(appDir, full)
          .replace(/\\/g, "/")
          .replace(/\.html$/, "")
          .replace(/(^|\/)index$/, "");
      byPath.set(route === "/" ? "/" : route.replace(/\/$/, ""), inlineScriptHashes(readFileSync(full, "utf8")));
    }
  } catch (e) {
    throw new Error(
      `Cannot read the prerendered pages in ${appDir} for the Content-Security-Policy (${(e as Error).message}). Run npm run build first.`,
    );
  }
  const notFound = byPath.get(NOT_FOUND_PAGE);
  if (!notFound)
    throw new Error(
      `The build in ${appDir} has no ${NOT_FOUND_PAGE}.html, so the Content-Security-Policy of its pages cannot be made. Run npm run build again.`,
    );
  return { byPath, notFound };
}

export function hashesForPath(pages: PageHashes, pathname: string): string[] {
  const clean = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  return pages.byPath.get(clean) ?? pages.notFound;
}
