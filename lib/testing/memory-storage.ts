// An in-memory Web Storage for unit tests, with an optional quota (in UTF-16 code units, as browsers count).
export class MemoryStorage implements Storage {
  map = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    let used = k.length + String(v).length;
    for (const [key, value] of this.map) if (key !== k) used += key.length + value.length;
    if (used > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.map.set(k, String(v));
  }
}

/** A host whose storage throws on access, as with cookies and site data blocked. */
export const blockedStorageHost = {
  get localStorage(): Storage {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
  get sessionStorage(): Storage {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
};
