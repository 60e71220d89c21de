// The part of the registry the browser needs, with texts already in the page's language. It is passed
// from the server layout to client islands as props, so it stays small and plain (JSON-serialisable).
// What each item is for, who sets it and how long it lasts in words are only for reading: the page's
// declaration tables have them in its HTML, and the storage inspector fetches them when it goes live
// (ItemLabels, app/[locale]/storage-labels.json), so the RSC payload does not grow with them (issue 15).
import { type DurationWords, formatDuration, parseDuration } from "./duration";
import type { ItemLabels } from "./item-labels";
import { localize, type Registry, type StorageType } from "./schema";

interface ClientCategory {
  id: string;
  title: string;
  description: string;
  /** Locked on: strictly necessary, security. */
  required: boolean;
}

interface ClientService {
  id: string;
  name: string;
  provider: string;
  category: string;
  description: string;
  privacyUrl: string;
  /** "Sale/share" under US law: Global Privacy Control keeps it off unless the visitor switches it on. */
  advertising: boolean;
  /** Whether this deployment has an account id for it (its env variable is set). */
  active: boolean;
  /** The account id (GA4 measurement id, TikTok pixel id) when active; public by nature. */
  accountId: string | null;
}

export interface ClientItem {
  name: string;
  storage: StorageType;
  category: string;
  service: string | null;
  /** Duration code as declared ("2y", "session"). */
  duration: string;
  httpOnly: boolean;
  scope: "site" | "app";
}

export interface ClientRegistry {
  locale: string;
  categories: ClientCategory[];
  services: ClientService[];
  items: ClientItem[];
}

type Env = Record<string, string | undefined>;

/** Reads the account ids from `env` (process.env at build time by default). */
export function toClientRegistry(registry: Registry, locale: string, env: Env = process.env): ClientRegistry {
  return {
    locale,
    categories: registry.categories.map((c) => ({
      id: c.id,
      title: localize(c.title, locale),
      description: localize(c.description, locale),
      required: c.required,
    })),
    services: registry.services.map((s) => {
      const accountId = serviceAccountId(s.env, env);
      return {
        id: s.id,
        name: s.name,
        provider: s.provider,
        category: s.category,
        description: localize(s.description, locale),
        privacyUrl: s.privacyUrl,
        advertising: s.advertising,
        active: accountId !== null,
        accountId,
      };
    }),
    items: registry.items.map((i) => ({
      name: i.name,
      storage: i.storage,
      category: i.category,
      service: i.service ?? null,
      duration: i.duration,
      httpOnly: i.httpOnly,
      scope: i.scope,
    })),
  };
}

/** The labels of every item (see ItemLabels); `words` are the page's words for "session" and "persistent"
 * (lib/registry/duration.ts has a fallback). */
export function toItemLabels(registry: Registry, locale: string, words?: DurationWords): ItemLabels {
  return registry.items.map((i) => [
    i.storage,
    i.name,
    i.service ? (registry.services.find((s) => s.id === i.service)?.provider ?? "") : (i.provider ?? ""),
    localize(i.purpose, locale),
    durationLabel(i.duration, locale, words),
  ]);
}

function durationLabel(code: string, locale: string, words: DurationWords | undefined): string {
  const d = parseDuration(code);
  return d ? formatDuration(d, locale, words) : code;
}

/** Whether a service with this env variable is active on this deployment (see serviceAccountId). */
export function isServiceActive(variable: string | undefined, env: Env = process.env): boolean {
  return serviceAccountId(variable, env) !== null;
}

/** A service without an env variable needs no account and is always active; one with it needs a value. */
function serviceAccountId(variable: string | undefined, env: Env): string | null {
  if (variable === undefined) return "";
  const value = env[variable]?.trim();
  return value ? value : null;
}
