// The editions of the policy, derived from the languages registered in lib/i18n/strings/index.ts.
import { catalog, type Locale } from "./strings";

export type { Locale };
export const locales = Object.keys(catalog) as readonly Locale[];
export const defaultLocale: Locale = "en";

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(catalog, value);
}
