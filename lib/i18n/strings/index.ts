// The one place where the site's languages are registered. The list of locales, the static routes,
// the language switcher, hreflang links and the content check all derive from `catalog`.
// Adding a language: content/<code>/cookie-policy.mdx, lib/i18n/strings/<code>.ts, and its line here
// (see docs/editing-the-policy.md).
import { de } from "./de";
import { en, type Strings } from "./en";

export const catalog = { en, de } satisfies Record<string, Strings>;

/** A language the policy is published in (lib/i18n/locales.ts lists them). */
export type Locale = keyof typeof catalog;

export function getStrings(locale: Locale): Strings {
  return catalog[locale];
}
export type { Strings };
