// The editions of the policy. Adding a language: add its code here, a folder content/<code>/ and a
// strings file lib/i18n/strings/<code>.ts (see docs/editing-the-policy.md).
export const locales = ["en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
