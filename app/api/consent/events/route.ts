// The consent log's write path (lib/consent-log/route.ts). Every method is exported and guarded
// (lib/http/guard.ts): 405 with Allow, 403 cross-site, 413 oversize.

import { createRateLimiter, rateFromEnv } from "@/lib/consent-log/rate-limit";
import type { KnownIds } from "@/lib/consent-log/request";
import { eventsRoute } from "@/lib/consent-log/route";
import { consentLog } from "@/lib/consent-log/server";
import { loadRegistry } from "@/lib/content/load";
import { locales } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

const { rate, burst } = rateFromEnv();

// the registry is read once per server process (a deploy restarts it); a failed read is tried again
let known: Promise<KnownIds> | undefined;
async function readKnown(): Promise<KnownIds> {
  try {
    const registry = await loadRegistry();
    return {
      categories: new Set(registry.categories.map((c) => c.id)),
      services: new Set(registry.services.map((s) => s.id)),
      locales: new Set(locales),
    };
  } catch (e) {
    known = undefined;
    throw e;
  }
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = eventsRoute({
  db: consentLog,
  known: () => (known ??= readKnown()),
  limiter: createRateLimiter(rate, burst),
});
