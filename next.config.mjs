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
    // The stylesheets inline in the HTML: the first paint, with the banner (the largest content) in it,
    // waits for no second request. Measured with the throttling applied (npm run bench:floor -- --devtools,
    // Slow 4G and 4x CPU, 3 runs in turns): LCP 967 ms inline against 1,498 ms linked, the same TBT (104 ms)
    // and score (99). Lighthouse's default simulation says the opposite (TBT 251 against 45 ms): it scales the
    // one longer HTML task by 4 and counts every script that arrived before the first paint on a fast
    // machine into LCP; the page itself is faster inline. Next also puts the CSS in the RSC payload once;
    // the global error page's styles are kept out of it (app/error-page.css), which were a second copy.
    inlineCss: true,
  },
  turbopack: {
    resolveAlias: {
      // Next's polyfills for browsers older than the browserslist in package.json: what those browsers
      // still lack is in lib/build/polyfill-module.js (issue 15, legacy JavaScript)
      "../build/polyfills/polyfill-module": "./lib/build/polyfill-module.ts",
    },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
