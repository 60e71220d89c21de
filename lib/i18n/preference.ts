// The visitor's stored language preference (localStorage "candor:locale", declared in the registry as
// functional): written when they pick a language in the switcher and Functional consent is granted,
// read at "/" to send them to their edition.
//
// `chooseEdition` also runs as the inline script of the page at "/" (see lib/i18n/chooser.ts), where
// no bundle exists: it is self-contained (no imports, no outer names) and is inlined with toString().
// It therefore checks values by hand; lib/i18n/preference.test.ts holds it to the consent store's own
// record decoder.

import { storageSet } from "../storage/safe";

export const LOCALE_PREFERENCE_KEY = "candor:locale";

interface StoredLocalePreference {
  locale: string;
  /** When it was saved (ms since 1970), so it can be dropped once its declared duration is over. */
  savedAt: number;
}

export function encodeLocalePreference(locale: string, now: number): string {
  return JSON.stringify({ locale, savedAt: now } satisfies StoredLocalePreference);
}

/**
 * Stores the language the visitor picked, only when Functional consent is granted (the registry files
 * candor:locale under functional). Never throws: blocked or full storage just means "not remembered".
 */
export function rememberLocale(
  locale: string,
  {
    functionalGranted,
    now,
    host,
  }: { functionalGranted: boolean; now: number; host?: Parameters<typeof storageSet>[3] },
): "saved" | "not-allowed" | "failed" {
  if (!functionalGranted) return "not-allowed";
  return storageSet("localStorage", LOCALE_PREFERENCE_KEY, encodeLocalePreference(locale, now), host).success
    ? "saved"
    : "failed";
}

export interface ChooserConfig {
  locales: readonly string[];
  /** The edition Accept-Language picked on the server. */
  fallback: string;
  /** How long a stored preference counts: the duration the registry declares for it. */
  maxAgeMs: number;
  preferenceKey: string;
  /** What a valid consent record is, from lib/consent/record.ts (passed in, so nothing is copied). */
  consent: {
    key: string;
    /** The policy's consentRevision: consent given to an older revision no longer counts. */
    revision: number;
    schema: number;
    keys: readonly string[];
    maxLength: number;
    maxRevision: number;
    maxChoices: number;
    idPattern: string;
    flagPattern: string;
    isoPattern: string;
    versionPattern: string;
    methods: readonly string[];
  };
}

/**
 * The edition to show: the stored preference when it is well-formed, not expired, names an edition,
 * and a valid consent record for the current revision grants the functional category (the same test
 * as readRecord() in lib/consent/record.ts); otherwise the fallback. Never throws.
 */
export function chooseEdition(
  config: ChooserConfig,
  storage: { getItem(key: string): string | null } | null,
  now: number,
): string {
  const c = config.consent;
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  const read = (key: string, max: number): unknown => {
    try {
      const raw = storage ? storage.getItem(key) : null;
      return typeof raw === "string" && raw.length <= max ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  };
  const iso = (v: unknown): number => {
    if (typeof v !== "string" || !new RegExp(c.isoPattern).test(v)) return NaN;
    const t = Date.parse(v);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19) ? t : NaN;
  };
  const flags = (v: unknown): Record<string, unknown> | null => {
    if (!isObject(v)) return null;
    const keys = Object.keys(v);
    if (keys.length > c.maxChoices) return null;
    for (const k of keys) if (!new RegExp(c.flagPattern).test(k) || typeof v[k] !== "boolean") return null;
    return v;
  };

  const preference = read(config.preferenceKey, 1024);
  if (!isObject(preference)) return config.fallback;
  const { locale, savedAt } = preference;
  if (typeof locale !== "string" || config.locales.indexOf(locale) < 0) return config.fallback;
  if (
    typeof savedAt !== "number" ||
    !Number.isFinite(savedAt) ||
    savedAt > now + 60000 ||
    now - savedAt >= config.maxAgeMs
  )
    return config.fallback;

  const r = read(c.key, c.maxLength);
  if (!isObject(r)) return config.fallback;
  const keys = Object.keys(r);
  if (keys.length !== c.keys.length || !c.keys.every((k) => Object.prototype.hasOwnProperty.call(r, k)))
    return config.fallback;
  const decidedAt = iso(r.decidedAt);
  const expiresAt = iso(r.expiresAt);
  const categories = flags(r.categories);
  const valid =
    r.schema === c.schema &&
    typeof r.id === "string" &&
    new RegExp(c.idPattern).test(r.id) &&
    typeof r.revision === "number" &&
    Number.isInteger(r.revision) &&
    r.revision >= 1 &&
    r.revision <= c.maxRevision &&
    typeof r.policyVersion === "string" &&
    r.policyVersion.length <= 20 &&
    new RegExp(c.versionPattern).test(r.policyVersion) &&
    typeof r.gpc === "boolean" &&
    typeof r.method === "string" &&
    c.methods.indexOf(r.method) >= 0 &&
    categories !== null &&
    flags(r.services) !== null &&
    decidedAt <= now + 60000 &&
    expiresAt > now &&
    r.revision === c.revision;
  return valid && categories.functional === true ? locale : config.fallback;
}
