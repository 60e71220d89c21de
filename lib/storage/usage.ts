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
