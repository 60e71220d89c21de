// How much of Web Storage a site uses. Browsers limit each origin to 5 MiB of UTF-16 code units of
// key + value, for localStorage and again for sessionStorage (measured in Chromium: 5,242,880 units
// fit, one more throws QuotaExceededError; MDN gives the same 5 MiB for Firefox and Safari).
import { type StorageArea, storageSnapshot } from "./safe";

export const WEB_STORAGE_LIMIT_UNITS = 5 * 1024 * 1024;

export interface AreaUsage {
  area: StorageArea;
  /** UTF-16 code units of every key and value; null when the area cannot be read. */
  units: number | null;
}

export function webStorageUsage(host: Partial<Record<StorageArea, Storage>>): AreaUsage[] {
  return (["localStorage", "sessionStorage"] as const).map((area) => {
    const entries = storageSnapshot(area, host);
    return { area, units: entries ? entries.reduce((n, [k, v]) => n + k.length + v.length, 0) : null };
  });
}

type UsageLevel = "none" | "low" | "medium" | "high";

export interface UsageSummary {
  /** Web Storage at 2 bytes a code unit (as Chrome counts it), plus the browser's estimate of the rest. */
  bytes: number;
  /** The share of the tightest limit in use: either Web Storage area, or the browser's overall quota. */
  fraction: number;
  level: UsageLevel;
}

/**
 * The one sentence a visitor needs: how much, and how close to a limit. Chromium's estimate leaves out
 * Web Storage, so the two are added; the tightest of the limits decides how close it is.
 */
export function summarizeUsage(
  areas: readonly AreaUsage[],
  estimate: { usage: number; quota: number } | null,
): UsageSummary {
  const units = areas.reduce((n, a) => n + (a.units ?? 0), 0);
  const bytes = units * 2 + (estimate?.usage ?? 0);
  const fractions = [
    ...areas.map((a) => (a.units ?? 0) / WEB_STORAGE_LIMIT_UNITS),
    estimate && estimate.quota > 0 ? estimate.usage / estimate.quota : 0,
  ];
  const fraction = Math.min(1, Math.max(...fractions));
  const level: UsageLevel = bytes === 0 ? "none" : fraction < 0.5 ? "low" : fraction < 0.9 ? "medium" : "high";
  return { bytes, fraction, level };
}
