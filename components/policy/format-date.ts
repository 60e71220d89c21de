import { dateTimeFormat } from "@/lib/i18n/intl";
import type { Locale } from "@/lib/i18n/locales";

/** A policy date (YYYY-MM-DD) in the edition's language: "29 November 2026", "29. November 2026". */
export function formatPolicyDate(iso: string, locale: Locale): string {
  return dateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}
