// Every read and write of localStorage / sessionStorage goes through here. Storage can be blocked
// (SecurityError on access), full (QuotaExceededError) or tampered with; none of that may throw.

export type StorageArea = "localStorage" | "sessionStorage";
type StorageFailure = "unavailable" | "quota" | "error";
export type StorageResult<T> = { success: true; value: T } | { success: false; reason: StorageFailure };

type Host = Partial<Record<StorageArea, Storage>>;

function area(name: StorageArea, host: Host): Storage | null {
  try {
    const s = host[name];
    return s ?? null;
  } catch {
    return null; // reading the property itself throws when storage is blocked
  }
}

const defaultHost = (): Host => (typeof window === "undefined" ? {} : (window as unknown as Host));

export function storageGet(name: StorageArea, key: string, host: Host = defaultHost()): StorageResult<string | null> {
  const s = area(name, host);
  if (!s) return { success: false, reason: "unavailable" };
  try {
    return { success: true, value: s.getItem(key) };
  } catch {
    return { success: false, reason: "unavailable" };
  }
}

export function storageSet(
  name: StorageArea,
  key: string,
  value: string,
  host: Host = defaultHost(),
): StorageResult<void> {
  const s = area(name, host);
  if (!s) return { success: false, reason: "unavailable" };
  try {
    s.setItem(key, value);
    return { success: true, value: undefined };
  } catch (e) {
    return { success: false, reason: isQuotaError(e) ? "quota" : "unavailable" };
  }
}

export function storageRemove(name: StorageArea, key: string, host: Host = defaultHost()): boolean {
  const s = area(name, host);
  if (!s) return false;
  try {
    s.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** All keys with their values; an unreadable area gives an empty list. */
export function storageEntries(name: StorageArea, host: Host = defaultHost()): Array<[string, string]> {
  return storageSnapshot(name, host) ?? [];
}

/** All keys with their values, or null when the area cannot be read at all (blocked, absent). */
export function storageSnapshot(name: StorageArea, host: Host = defaultHost()): Array<[string, string]> | null {
  const s = area(name, host);
  if (!s) return null;
  try {
    const out: Array<[string, string]> = [];
    const length = s.length;
    for (let i = 0; i < length; i++) {
      const key = s.key(i);
      if (key !== null) out.push([key, s.getItem(key) ?? ""]);
    }
    return out;
  } catch {
    return null;
  }
}

export function storageAvailable(name: StorageArea, host: Host = defaultHost()): boolean {
  const probe = "candor:probe";
  const set = storageSet(name, probe, "1", host);
  if (!set.success) return set.reason === "quota"; // full is still available for reading
  storageRemove(name, probe, host);
  return true;
}

function isQuotaError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { name, code } = e as { name?: string; code?: number };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

/** Removes every key of an area; false when the area cannot be reached. */
export function storageClear(name: StorageArea, host: Host = defaultHost()): boolean {
  const s = area(name, host);
  if (!s) return false;
  try {
    s.clear();
    return true;
  } catch {
    return false;
  }
}
