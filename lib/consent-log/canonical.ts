// The canonical encoding each event's hash is taken over: JSON with object keys sorted by code unit,
// no whitespace, only strings, safe integers, booleans, null, arrays and plain objects. The same value
// always gives the same bytes, whichever engine stored it and whatever order its columns came back in
// (the subset of RFC 8785 that needs no number formatting rules, because there are no fractions).

export function canonicalize(value: unknown): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`canonicalize: ${value} is not a safe integer.`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(",")}]`;
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // sort by UTF-16 code units, as RFC 8785 does (not localeCompare, which depends on the host)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(",")}}`;
  }
  throw new TypeError(`canonicalize: a ${typeof value} cannot be encoded.`);
}
