// Runs before every page: refuses methods other than GET and HEAD, and gives each page its Content-Security-Policy (the page's own inline-script
// hashes plus the vendors consent can load). Pages stay static: the header is the same for every request to a path.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type NextRequest, NextResponse } from "next/server";
import { parseRegistry } from "@/lib/registry/parse";
import { buildCsp, type VendorHosts } from "@/lib/security/csp";
import { hashesForPath, type PageHashes, readPageHashes } from "@/lib/security/page-hashes";
import { vendorHostsFor } from "@/lib/security/vendor-hosts";

const development = process.env.NODE_ENV !== "production";

let cached: { pages: PageHashes; vendors: VendorHosts } | undefined;

function securityContext() {
  if (cached) return cached;
  const registry = parseRegistry(
    readFileSync(path.join(process.cwd(), "content", "registry.yaml"), "utf8"),
    "content/registry.yaml",
  );
  // An invalid registry never builds (content check); this only guards a hand-edited server: no vendors.
  const vendors = registry.success ? vendorHostsFor(registry.data, process.env) : { script: [], connect: [] };
  const context = { pages: readPageHashes(path.join(process.cwd(), ".next", "server", "app")), vendors };
  if (!development) cached = context; // while developing, pages change: read again on every request
  return context;
}

/** Pages are documents to read: any other method gets 405, not the page (Next would serve it to a PUT). */
const PAGE_METHODS = ["GET", "HEAD"];

export function proxy(request: NextRequest) {
  if (!PAGE_METHODS.includes(request.method))
    return new NextResponse(null, {
      status: 405,
      headers: { Allow: PAGE_METHODS.join(", "), "Cache-Control": "no-store" },
    });
  const { pathname } = request.nextUrl;
  // "/" and "/cookie-policy" are the language chooser (app/route.ts), which sends its own CSP.
  if (pathname === "/" || pathname === "/cookie-policy") return NextResponse.next();
  const { pages, vendors } = securityContext();
  const response = NextResponse.next();
  response.headers.set(
    "Content-Security-Policy",
    buildCsp({ scriptHashes: hashesForPath(pages, pathname), vendors, development }),
  );
  return response;
}

export const config = {
  // Pages only: not API routes, build assets, or files such as the icon.
  matcher: ["/((?!api/|_next/|icon\\.svg|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)"],
};
