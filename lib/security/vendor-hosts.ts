// Which outside hosts the CSP allows: only those of services this deployment can load (account id set),
// scripts only from the hosts their loaders inject from, beacons to the hosts the registry lists.
import { GA4_SCRIPT_URL } from "../consent/vendors/ga4";
import { TIKTOK_SCRIPT_URL } from "../consent/vendors/tiktok";
import type { Registry } from "../registry/schema";
import type { VendorHosts } from "./csp";

const SCRIPT_URLS: Record<string, string> = { ga4: GA4_SCRIPT_URL, tiktok: TIKTOK_SCRIPT_URL };

export function vendorHostsFor(
  registry: Pick<Registry, "services">,
  env: Record<string, string | undefined>,
): VendorHosts {
  const script: string[] = [];
  const connect: string[] = [];
  for (const service of registry.services) {
    if (!service.env || !env[service.env]) continue; // not active on this deployment: nothing allowed
    const url = SCRIPT_URLS[service.id];
    if (url) script.push(new URL(url).host);
    connect.push(...(service.hosts ?? []));
  }
  return { script, connect };
}
