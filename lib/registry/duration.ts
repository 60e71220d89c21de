// Declared durations are written by the legal team as short codes ("session", "persistent", "30d",
// "13mo", "2y") so the scanner can compare them with real cookie expiries and the page can word them
// in every language.
import { numberFormat } from "../i18n/intl";

export type Duration =
  | { kind: "session" }
  | { kind: "persistent" }
  | { kind: "fixed"; amount: number; unit: DurationUnit };

type DurationUnit = "minute" | "hour" | "day" | "month" | "year";

const UNITS: Record<string, DurationUnit> = { min: "minute", h: "hour", d: "day", mo: "month", y: "year" };
const SECONDS: Record<DurationUnit, number> = {
  minute: 60,
  hour: 3600,
  day: 86400,
  month: 31 * 86400, // generous on purpose: a declared month never under-counts a real expiry
  year: 366 * 86400,
};

const DURATION_PATTERN = /^(session|persistent|(\d+)(min|h|d|mo|y))$/;
export const DURATION_HELP =
  'Write "session" (deleted when the browser closes), "persistent" (kept until the visitor clears it), or a number and a unit: 30min, 24h, 30d, 13mo, 2y.';

export function parseDuration(code: string): Duration | null {
  const m = DURATION_PATTERN.exec(code.trim());
  if (!m) return null;
  if (m[1] === "session") return { kind: "session" };
  if (m[1] === "persistent") return { kind: "persistent" };
  const amount = Number(m[2]);
  const unit = UNITS[m[3] ?? ""];
  if (!unit || !Number.isSafeInteger(amount) || amount <= 0) return null;
  return { kind: "fixed", amount, unit };
}

/** Longest lifetime the declaration allows, in seconds; null when unbounded ("persistent"), 0 for session. */
export function maxLifetimeSeconds(d: Duration): number | null {
  if (d.kind === "session") return 0;
  if (d.kind === "persistent") return null;
  return d.amount * SECONDS[d.unit];
}

const WORDS: Record<string, { session: string; persistent: string }> = {
  en: { session: "Session", persistent: "Until you clear it" },
  de: { session: "Sitzung", persistent: "Bis Sie es löschen" },
};

/** `words` come from the interface strings of the language; the built-in words are a fallback. */
export type DurationWords = { session: string; persistent: string };

export function formatDuration(d: Duration, locale: string, words?: DurationWords): string {
  if (d.kind !== "fixed") return (words ?? WORDS[locale] ?? WORDS.en!)[d.kind];
  return numberFormat(locale, { style: "unit", unit: d.unit, unitDisplay: "long" }).format(d.amount);
}
