// Security headers every response carries (pages, API routes, static files). The Content-Security-Policy
// is set per page by proxy.ts, because it lists the hashes of that page's inline scripts.
const production = process.env.NODE_ENV === "production";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()",
  },
  // No other window keeps a handle on ours, and no other site may embed our answers (the consent
  // record is in no response, but the API's JSON and the pages are ours alone).
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  // Browsers ignore HSTS over plain http, so it is harmless on localhost; only production sends it.
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Files named *.dev.ts are routes only under `next dev`: the legal team's live preview (app/api/dev).
  pageExtensions:
    process.env.NODE_ENV === "development" ? ["dev.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
  experimental: {
    globalNotFound: true,
    // Not experimental.inlineCss: it puts the stylesheet in the HTML once and in the RSC payload again, so
    // the page's HTML grew by ~60 %, and on a quiet machine (npm run bench:floor, 5 runs each, in turns)
    // the linked stylesheets were faster: TBT 56 against 194 ms, LCP 1.9 against 2.7 s (issue 15).
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
