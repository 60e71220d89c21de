import type { Locale } from "../locales";
import { en, type Strings } from "./en";

const all: Record<Locale, Strings> = { en };

export function getStrings(locale: Locale): Strings {
  return all[locale];
}
export type { Strings };
