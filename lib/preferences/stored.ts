// How a functional preference is kept in localStorage: `{ v: 1, value, savedAt }`, dropped once older
// than the duration the registry declares for its key. Reading never throws: a missing, corrupt,
// tampered or expired entry is simply "no preference".
// The decoders below are the one definition of these shapes (browser and tests alike): small and
// hand-written, because zod probes for eval, which the CSP forbids, and is large (lib/consent/record.ts
// has the measurements).
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";

export const PREFERENCE_VERSION = 1;
/** A clock may be a little behind the one that wrote the entry; further in the future is tampering. */
export const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

export const THEME_KEY = "candor:theme";
export const UI_KEY = "candor:ui";

/** The duration content/registry.yaml declares for both keys (a unit test keeps the two in step). */
export const PREFERENCE_DURATION = "1y";
export const PREFERENCE_MAX_AGE_MS =
  (maxLifetimeSeconds(parseDuration(PREFERENCE_DURATION) ?? { kind: "session" }) ?? 0) * 1000;

export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];

/** Ids of page parts whose open/closed state is remembered ("declaration-analytics"). */
export const SECTION_ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";
const SECTION_ID = new RegExp(SECTION_ID_PATTERN);
const MAX_SECTIONS = 50;
export type Sections = Record<string, "open" | "closed">;
export interface UiState {
  sections: Sections;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value decoder: the value when it is valid, else undefined. */
export type Decoder<T> = (v: unknown) => T | undefined;

export const decodeTheme: Decoder<Theme> = (v) =>
  (themes as readonly unknown[]).includes(v) ? (v as Theme) : undefined;

export const decodeSections: Decoder<Sections> = (v) => {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length > MAX_SECTIONS) return undefined;
  for (const k of keys) if (!SECTION_ID.test(k) || (v[k] !== "open" && v[k] !== "closed")) return undefined;
  return { ...(v as Sections) };
};

export const decodeUiState: Decoder<UiState> = (v) => {
  if (!isObject(v) || Object.keys(v).some((k) => k !== "sections")) return undefined;
  const sections = decodeSections(v.sections);
  return sections ? { sections } : undefined;
};

export type ReadResult<T> =
  | { status: "ok"; value: T }
  | { status: "absent" }
  | { status: "invalid" }
  | { status: "expired" };

export function readPreference<T>(
  decode: Decoder<T>,
  raw: string | null,
  now: number,
  maxAgeMs: number,
): ReadResult<T> {
  if (raw === null) return { status: "absent" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: "invalid" };
  }
  if (!isObject(json) || Object.keys(json).some((k) => k !== "v" && k !== "value" && k !== "savedAt"))
    return { status: "invalid" };
  const { v, savedAt } = json;
  if (v !== PREFERENCE_VERSION || typeof savedAt !== "number" || !Number.isSafeInteger(savedAt) || savedAt < 0)
    return { status: "invalid" };
  const value = decode(json.value);
  if (value === undefined) return { status: "invalid" };
  if (savedAt - now > FUTURE_TOLERANCE_MS) return { status: "invalid" };
  if (now - savedAt > maxAgeMs) return { status: "expired" };
  return { status: "ok", value };
}

export function writePreference<T>(value: T, now: number): string {
  return JSON.stringify({ v: PREFERENCE_VERSION, value, savedAt: now });
}
