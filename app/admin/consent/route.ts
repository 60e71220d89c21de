// The legal team's consent log dashboard (lib/consent-log/admin-route.ts): 404 unless
// CANDOR_ADMIN_PASSWORD is set, then HTTP Basic; rendered per request, never prerendered or cached.

import { adminRoute } from "@/lib/consent-log/admin-route";
import { dbConfig, describeDb } from "@/lib/consent-log/db";
import { consentLog } from "@/lib/consent-log/server";
import { loadRegistry } from "@/lib/content/load";
import { defaultLocale } from "@/lib/i18n/locales";
import { localize } from "@/lib/registry/schema";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = adminRoute({
  password: () => process.env.CANDOR_ADMIN_PASSWORD || undefined,
  db: consentLog,
  where: () => describeDb(dbConfig()),
  registry: async () => {
    const r = await loadRegistry();
    return {
      categories: r.categories.map((c) => ({ id: c.id, title: localize(c.title, defaultLocale) })),
      services: r.services.map((s) => ({ id: s.id, name: s.name })),
    };
  },
});
