// How a functional preference is kept in localStorage: `{ v: 1, value, savedAt }`, dropped once older
// than the duration the registry declares for its key. Reading never throws: a missing, corrupt,
// tampered or expired entry is simply "no preference".
import { z } from "../validation/zod";
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";

export const PREFERENCE_VERSION = 1;
/** A clock may be a little behind the one that wrote the entry; further in the future is tampering. */
export const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

export const THEME_KEY = "candor:theme";
export const UI_KEY = "candor:ui";

/** The duration content/registry.yaml declares for both keys (a unit test keeps the two in step). */
export const PREFERENCE_DURATION = "1y";
export const PREFERENCE_MAX_AGE_MS = (maxLifetimeSeconds(parseDuration(PREFERENCE_DURATION) ?? { kind: "session" }) ?? 0) * 1000;

export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];
export const themeSchema = z.enum(themes);

/** Ids of page parts whose open/closed state is remembered ("declaration-analytics"). */
export const sectionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
export const SECTION_ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";
export const sectionsSchema = z.record(sectionId, z.enum(["open", "closed"])).refine((r) => Object.keys(r).length <= 50);
export type Sections = z.infer<typeof sectionsSchema>;
export const uiStateSchema = z.strictObject({ sections: sectionsSchema });
export type UiState = z.infer<typeof uiStateSchema>;

function envelope<T extends z.ZodType>(value: T) {
  return z.strictObject({ v: z.literal(PREFERENCE_VERSION), value, savedAt: z.number().int().nonnegative() });
}

export type ReadResult<T> = { status: "ok"; value: T } | { status: "absent" } | { status: "invalid" } | { status: "expired" };

export function readPreference<T extends z.ZodType>(schema: T, raw: string | null, now: number, maxAgeMs: number): ReadResult<z.infer<T>> {
  if (raw === null) return { status: "absent" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: "invalid" };
  }
  const parsed = envelope(schema).safeParse(json);
  if (!parsed.success) return { status: "invalid" };
  const { savedAt, value } = parsed.data as { savedAt: number; value: z.infer<T> };
  if (savedAt - now > FUTURE_TOLERANCE_MS) return { status: "invalid" };
  if (now - savedAt > maxAgeMs) return { status: "expired" };
  return { status: "ok", value };
}

export function writePreference<T>(value: T, now: number): string {
  return JSON.stringify({ v: PREFERENCE_VERSION, value, savedAt: now });
}
