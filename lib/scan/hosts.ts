// Ties a request's host to the registry service that owns it (services list their hosts, `*.` for subdomains).
import type { Registry, Service } from "../registry/schema";

/** `www.example.com` matches itself; `*.example.com` matches every subdomain of example.com (not example.com). */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, "");
  if (p.startsWith("*.")) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return p === h;
}

/** The service whose `hosts` list the host; an exact host wins over a pattern. */
export function serviceForHost(registry: Pick<Registry, "services">, host: string): Service | undefined {
  let patternHit: Service | undefined;
  for (const service of registry.services) {
    for (const pattern of service.hosts) {
      if (!pattern.startsWith("*.") && hostMatches(pattern, host)) return service;
      if (!patternHit && pattern.startsWith("*.") && hostMatches(pattern, host)) patternHit = service;
    }
  }
  return patternHit;
}
