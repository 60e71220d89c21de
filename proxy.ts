// Runs before every request: refuses methods other than GET and HEAD for pages, and gives every answer
// its Content-Security-Policy — a page its own inline-script hashes, any other address (a 404 under
// /api/ or /_next/ included) only the 404 page's — plus the vendors consent can load. Pages stay
// static: the header is the same for every request to a path. API route handlers (lib/http/guard.ts)
// and "/" and "/cookie-policy" (the language chooser) send their own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type NextRequest, NextResponse } from "next/server";
import { parseRegistry } from "@/lib/registry/parse";
import { apiRouteMatcher } from "@/lib/security/api-routes";
import { buildCsp, REPORTING_ENDPOINTS, type VendorHosts } from "@/lib/security/csp";
import { hashesForPath, type PageHashes, readPageHashes } from "@/lib/security/page-hashes";
import { vendorHostsFor } from "@/lib/security/vendor-hosts";

const development = process.env.NODE_ENV !== "production";

let cached: { pages: PageHashes | null; vendors: VendorHosts; isApiRoute: (path: string) => boolean } | undefined;

function securityContext() {
  if (cached) return cached;
  const registry = parseRegistry(
    readFileSync(path.join(process.cwd(), "content", "registry.yaml"), "utf8"),
    "content/registry.yaml",
  );
  // An invalid registry never builds (content check); this only guards a hand-edited server: no vendors.
  const vendors = registry.success ? vendorHostsFor(registry.data, process.env) : { script: [], connect: [], img: [] };
  // Development allows inline scripts (hashes would switch that off) and has no build to read; in
  // production an unreadable build throws on every request rather than serve pages whose scripts the
  // CSP would all block (instrumentation.ts already refuses to start then).
  const pages = development ? null : readPageHashes(path.join(process.cwd(), ".next", "server", "app"));
  const isApiRoute = development
    ? () => false
    : apiRouteMatcher(
        JSON.parse(readFileSync(path.join(process.cwd(), ".next", "app-path-routes-manifest.json"), "utf8")),
      );
  const context = { pages, vendors, isApiRoute };
  if (!development) cached = context;
  return context;
}

/** Pages are documents to read: any other method gets 405, not the page (Next would serve it to a PUT). */
const PAGE_METHODS = ["GET", "HEAD"];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (!api && !PAGE_METHODS.includes(request.method))
    return new NextResponse(null, {
      status: 405,
      headers: { Allow: PAGE_METHODS.join(", "), "Cache-Control": "no-store" },
    });
  // "/" and "/cookie-policy" are the language chooser (app/route.ts), which sends its own CSP.
  if (pathname === "/" || pathname === "/cookie-policy") return NextResponse.next();
  const { pages, vendors, isApiRoute } = securityContext();
  // this header would win over the route's own (lib/http/guard.ts gives every API answer one)
  if (api && isApiRoute(pathname)) return NextResponse.next();
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", cspFor(pages ? hashesForPath(pages, pathname) : [], vendors));
  response.headers.set("Reporting-Endpoints", REPORTING_ENDPOINTS);
  return response;
}

// One policy string per page (the hash lists are the same arrays on every request): every static file
// passes through here too, so nothing is rebuilt per request.
const policies = new WeakMap<readonly string[], string>();
function cspFor(scriptHashes: readonly string[], vendors: VendorHosts): string {
  let csp = policies.get(scriptHashes);
  if (!csp) {
    csp = buildCsp({ scriptHashes, vendors, development });
    if (!development) policies.set(scriptHashes, csp);
  }
  return csp;
}

export const config = {
  // Every address: a 404 page can be the answer anywhere, and it needs its policy there too.
  matcher: ["/:path*"],
};
