// The visitor's stored language preference (localStorage "candor:locale", declared in the registry as
// functional): written when they pick a language in the switcher and Functional consent is granted,
// read at "/" to send them to their edition.
//
// `chooseEdition` also runs as the inline script of the page at "/" (see lib/i18n/chooser.ts), where
// no bundle exists: it is self-contained (no imports, no outer names) and is inlined with toString().
// It therefore checks values by hand; lib/i18n/preference.test.ts holds it to the consent store's own
// record decoder.

export const LOCALE_PREFERENCE_KEY = "candor:locale";

export interface StoredLocalePreference {
  locale: string;
  /** When it was saved (ms since 1970), so it can be dropped once its declared duration is over. */
  savedAt: number;
}

export function encodeLocalePreference(locale: string, now: number): string {
  return JSON.stringify({ locale, savedAt: now } satisfies StoredLocalePreference);
}

export interface ChooserConfig {
  locales: readonly string[];
  /** The edition Accept-Language picked on the server. */
  fallback: string;
  /** How long a stored preference counts: the duration the registry declares for it. */
  maxAgeMs: number;
  /** The policy's consentRevision: consent given to an older revision no longer counts. */
  revision: number;
  preferenceKey: string;
  consentKey: string;
}

/**
 * The edition to show: the stored preference when it is well-formed, not expired, names an edition,
 * and a valid consent record for the current revision grants the functional category; otherwise the
 * fallback. Never throws.
 */
export function chooseEdition(config: ChooserConfig, storage: { getItem(key: string): string | null } | null, now: number): string {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const read = (key: string): unknown => {
    try {
      const raw = storage ? storage.getItem(key) : null;
      return typeof raw === "string" && raw.length <= 16384 ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  };
  const time = (v: unknown): number =>
    typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v) ? Date.parse(v) : NaN;

  const preference = read(config.preferenceKey);
  if (!isObject(preference)) return config.fallback;
  const { locale, savedAt } = preference;
  if (typeof locale !== "string" || config.locales.indexOf(locale) < 0) return config.fallback;
  if (typeof savedAt !== "number" || !Number.isFinite(savedAt) || savedAt > now + 60000 || now - savedAt >= config.maxAgeMs)
    return config.fallback;

  const consent = read(config.consentKey);
  if (!isObject(consent) || consent.schema !== 1 || consent.revision !== config.revision) return config.fallback;
  const decidedAt = time(consent.decidedAt);
  const expiresAt = time(consent.expiresAt);
  if (!(decidedAt <= now + 60000) || !(expiresAt > now)) return config.fallback;
  const categories = consent.categories;
  if (!isObject(categories) || categories.functional !== true) return config.fallback;
  return locale;
}
