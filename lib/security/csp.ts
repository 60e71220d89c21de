// The Content-Security-Policy and the other security headers. Scripts are allowed by hash (the inline
// scripts of each prerendered page) and by host (only the vendors consent can load), so the policy page
// stays static and cacheable: no per-request nonce.

export interface VendorHosts {
  /** Hosts whose scripts consent may inject (gtag.js, TikTok's events.js). */
  script: string[];
  /** Hosts the vendor scripts send beacons to (fetch/XHR/sendBeacon) and load pixels from. */
  connect: string[];
}

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
    "img-src": ["'self'", "data:", ...https(vendors.connect)],
    "connect-src": ["'self'", ...https(vendors.connect), ...(development ? ["ws:"] : [])],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}
