// The Content-Security-Policy and the other security headers. Scripts are allowed by hash (the inline
// scripts of each prerendered page) and by host (only the vendors consent can load), so the policy page
// stays static and cacheable: no per-request nonce.

export interface VendorHosts {
  /** Hosts whose scripts consent may inject (gtag.js, TikTok's events.js). */
  script: string[];
  /** Hosts the vendor scripts send beacons to (fetch, XHR, sendBeacon). */
  connect: string[];
  /** Hosts the vendor scripts load pixels from. */
  img: string[];
}

/** Where browsers send a report of what the policy blocked (app/api/csp-report). */
const CSP_REPORT_PATH = "/api/csp-report";
/** The Reporting API's name for that endpoint (Reporting-Endpoints header, report-to directive). */
const CSP_REPORT_GROUP = "csp";

export interface CspOptions {
  scriptHashes: readonly string[];
  vendors: VendorHosts;
  /** Development needs eval for React's debugging and websockets for hot reload. */
  development?: boolean;
}

export function buildCsp({ scriptHashes, vendors, development = false }: CspOptions): string {
  const https = (hosts: string[]) => [...new Set(hosts)].sort().map((h) => `https://${h}`);
  const hashes = [...new Set(scriptHashes)].sort().map((h) => `'${h}'`);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      ...hashes,
      ...https(vendors.script),
      ...(development ? ["'unsafe-eval'", "'unsafe-inline'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", ...https(vendors.img)],
    "connect-src": ["'self'", ...https(vendors.connect), ...(development ? ["ws:"] : [])],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    // report-to for browsers with the Reporting API (which then ignore report-uri), report-uri for the rest
    "report-uri": [CSP_REPORT_PATH],
    "report-to": [CSP_REPORT_GROUP],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

/** The Reporting-Endpoints header that names CSP_REPORT_GROUP (sent with every CSP). */
export const REPORTING_ENDPOINTS = `${CSP_REPORT_GROUP}="${CSP_REPORT_PATH}"`;

/**
 * The policy of answers that are not pages (API JSON): nothing may load or run, nothing may frame it.
 * A route's own header wins over the one proxy.ts gives every address.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
