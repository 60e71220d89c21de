// The stored consent record: one JSON value in localStorage under RECORD_KEY, with a versioned shape.
//
// decodeRecord() below is the one definition of its shape, used by the browser, the chooser page and the
// tests. It is a small strict decoder rather than a schema library: measured with esbuild, minified and
// gzip -9, a schema of this record costs 7,068 B with zod/mini and 2,182 B with valibot, against a
// consent client budget of 8,192 B in all (npm run bench:size).

export const RECORD_KEY = "candor:consent";
export const RECORD_SCHEMA = 1;
/** Longer than any honest record (a few hundred bytes); anything bigger is not even parsed. */
export const MAX_RECORD_LENGTH = 16_384;
/** At most this many category or service entries in a record. */
export const MAX_CHOICES = 64;

export const consentMethods = ["banner-accept-all", "banner-reject-all", "dialog", "inline", "withdraw"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export interface ConsentRecord {
  schema: typeof RECORD_SCHEMA;
  /** Random id of this decision, shown on the receipt. */
  id: string;
  /** ISO 8601, UTC. */
  decidedAt: string;
  expiresAt: string;
  /** The policy's consentRevision this decision answers. */
  revision: number;
  /** The policy version shown when deciding (for the receipt). */
  policyVersion: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  /** Whether Global Privacy Control was on when deciding. */
  gpc: boolean;
  method: ConsentMethod;
}

export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const CONSENT_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
export const ISO_UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const VERSION_PATTERN = /^\d+(\.\d+){0,2}$/;
export const MAX_REVISION = 1_000_000;

/** Every field of the record, in the order it is written. */
export const RECORD_FIELDS = [
  "schema",
  "id",
  "decidedAt",
  "expiresAt",
  "revision",
  "policyVersion",
  "categories",
  "services",
  "gpc",
  "method",
] as const satisfies ReadonlyArray<keyof ConsentRecord>;

export function isIsoUtc(v: unknown): v is string {
  if (typeof v !== "string" || !ISO_UTC_PATTERN.test(v)) return false;
  const t = Date.parse(v);
  // the pattern lets 2026-02-31 through; the round trip does not
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function decodeFlags(v: unknown): Record<string, boolean> | null {
  if (!isPlainObject(v)) return null;
  const keys = Object.keys(v);
  if (keys.length > MAX_CHOICES) return null;
  const out: Record<string, boolean> = {};
  for (const k of keys) {
    const flag = v[k];
    // "__proto__", "constructor" and friends fail the id pattern, so no key can reach a prototype
    if (!ID_PATTERN.test(k) || typeof flag !== "boolean") return null;
    out[k] = flag;
  }
  return out;
}

/** A parsed JSON value as a record, or null when it is not exactly one. */
export function decodeRecord(v: unknown): ConsentRecord | null {
  if (!isPlainObject(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== RECORD_FIELDS.length || !RECORD_FIELDS.every((k) => Object.hasOwn(v, k))) return null;
  const { schema, id, decidedAt, expiresAt, revision, policyVersion, gpc, method } = v;
  if (schema !== RECORD_SCHEMA) return null;
  if (typeof id !== "string" || !CONSENT_ID_PATTERN.test(id)) return null;
  if (!isIsoUtc(decidedAt) || !isIsoUtc(expiresAt)) return null;
  if (typeof revision !== "number" || !Number.isInteger(revision) || revision < 1 || revision > MAX_REVISION)
    return null;
  if (typeof policyVersion !== "string" || policyVersion.length > 20 || !VERSION_PATTERN.test(policyVersion))
    return null;
  if (typeof gpc !== "boolean") return null;
  if (typeof method !== "string" || !(consentMethods as readonly string[]).includes(method)) return null;
  const categories = decodeFlags(v.categories);
  const services = decodeFlags(v.services);
  if (!categories || !services) return null;
  return {
    schema,
    id,
    decidedAt,
    expiresAt,
    revision,
    policyVersion,
    categories,
    services,
    gpc,
    method: method as ConsentMethod,
  };
}

export type RecordReading =
  | { status: "valid"; record: ConsentRecord }
  | { status: "none" }
  | { status: "unreadable" }
  | { status: "invalid" }
  | { status: "expired"; record: ConsentRecord }
  /** Answers an older consentRevision: the policy changed materially since. */
  | { status: "outdated"; record: ConsentRecord };

/** What a stored value means now. Only "valid" is a decision; every other status is "ask again". */
export function readRecord(raw: string | null, now: number, revision: number): RecordReading {
  if (raw === null) return { status: "none" };
  if (raw.length > MAX_RECORD_LENGTH) return { status: "invalid" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: "invalid" };
  }
  const record = decodeRecord(parsed);
  if (!record) return { status: "invalid" };
  // a record from the future (decided after now, or answering a newer revision) is not trusted
  if (Date.parse(record.decidedAt) > now + 60_000) return { status: "invalid" };
  if (record.revision > revision) return { status: "invalid" };
  if (Date.parse(record.expiresAt) <= now) return { status: "expired", record };
  if (record.revision < revision) return { status: "outdated", record };
  return { status: "valid", record };
}

export function serializeRecord(record: ConsentRecord): string {
  return JSON.stringify(record);
}

export interface Lifetime {
  amount: number;
  unit: "minute" | "hour" | "day" | "month" | "year";
}

export const DEFAULT_LIFETIME: Lifetime = { amount: 6, unit: "month" };

/** decidedAt + lifetime, in calendar months and years where those are the unit. */
export function addLifetime(from: Date, lifetime: Lifetime): Date {
  const d = new Date(from.getTime());
  const { amount, unit } = lifetime;
  if (unit === "year") d.setUTCFullYear(d.getUTCFullYear() + amount);
  else if (unit === "month") {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + amount);
    // 31 August + 6 months is the last day of February, not 3 March
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  } else d.setTime(d.getTime() + amount * { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[unit]);
  return d;
}

/** A random RFC 4122 version 4 id. crypto.randomUUID needs a secure context; getRandomValues does not. */
export function randomConsentId(crypto: Pick<Crypto, "getRandomValues"> = globalThis.crypto): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
