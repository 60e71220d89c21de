// Which outside hosts the CSP allows: only those of services this deployment can load (account id set),
// scripts only from the host their loader injects from, beacons and pixels only to the hosts that
// vendor's script is documented to use. The registry's `hosts` is the wider list the scanner attributes
// requests with; every host here must be one of them (vendor-hosts.test.ts).
import { GA4_SCRIPT_URL } from "../consent/vendors/ga4";
import { TIKTOK_SCRIPT_URL } from "../consent/vendors/tiktok";
import type { Registry } from "../registry/schema";
import type { VendorHosts } from "./csp";

export interface VendorCsp {
  scriptUrl: string;
  connect: string[];
  img: string[];
}

export const VENDOR_CSP: Record<string, VendorCsp> = {
  // Google's "Use Tag Manager with a Content Security Policy", Google Analytics 4 without Google Signals
  // (this site does not turn Signals on, so no *.g.doubleclick.net)
  ga4: {
    scriptUrl: GA4_SCRIPT_URL,
    connect: ["*.google-analytics.com", "*.analytics.google.com", "*.googletagmanager.com"],
    img: ["*.google-analytics.com", "*.googletagmanager.com"],
  },
  // events.js reports to analytics.tiktok.com, and over IPv6 to analytics-ipv6.tiktokw.us
  tiktok: {
    scriptUrl: TIKTOK_SCRIPT_URL,
    connect: ["analytics.tiktok.com", "analytics-ipv6.tiktokw.us"],
    img: ["analytics.tiktok.com"],
  },
};

export function vendorHostsFor(
  registry: Pick<Registry, "services">,
  env: Record<string, string | undefined>,
): VendorHosts {
  const hosts: VendorHosts = { script: [], connect: [], img: [] };
  for (const service of registry.services) {
    if (!service.env || !env[service.env]) continue; // not active on this deployment: nothing allowed
    const csp = VENDOR_CSP[service.id];
    if (!csp) continue;
    hosts.script.push(new URL(csp.scriptUrl).host);
    hosts.connect.push(...csp.connect);
    hosts.img.push(...csp.img);
  }
  return hosts;
}
