// The storage inspector's pure core: turns what the browser holds (a snapshot) into labelled rows,
// sized and matched against the registry, and filters, groups and pages them for display.

import { numberFormat } from "../i18n/intl";
import type { ClientItem, ClientRegistry } from "../registry/client";
import { type ItemLabels, labelLookup } from "../registry/item-labels";
import { findItem } from "../registry/match";
import type { StorageType } from "../registry/schema";
import type { ScriptCookie } from "./cookies";

/** A declared item as the inspector shows it: the browser's registry item, with its service named and
 * its label (provider, purpose, duration in words) filled in. */
type InspectorItem = Omit<ClientItem, "service" | "duration"> & {
  /** The service's name ("Google Analytics 4"), or null when the item names only a provider. */
  service: string | null;
  provider: string;
  /** Empty when the labels could not be fetched. */
  purpose: string;
  /** In words of the page's language ("2 years"); the declared code ("2y") when the labels could not be fetched. */
  duration: string;
};
export interface InspectorCategory {
  id: string;
  title: string;
  required: boolean;
}
export interface InspectorRegistry {
  categories: InspectorCategory[];
  items: InspectorItem[];
}

/** From the registry the consent provider already gives the browser, so it is not shipped twice, and the
 * items' labels (null when they could not be fetched: the items are still recognised, without their texts). */
export function toInspectorRegistry(registry: ClientRegistry, labels: ItemLabels | null): InspectorRegistry {
  const labelOf = labelLookup(labels);
  return {
    categories: registry.categories.map((c) => ({ id: c.id, title: c.title, required: c.required })),
    items: registry.items.map((item) => {
      const service = registry.services.find((s) => s.id === item.service);
      const label = labelOf(item);
      return {
        ...item,
        service: service?.name ?? null,
        provider: label?.provider ?? service?.provider ?? "",
        purpose: label?.purpose ?? "",
        duration: label?.duration ?? item.duration,
      };
    }),
  };
}

/** A cookie as the Cookie Store API reports it; `expires` is ms since the epoch, null for a session cookie. */
export interface SnapshotCookie extends ScriptCookie {
  expires?: number | null;
  path?: string | null;
  domain?: string | null;
}

/** What the browser holds right now. `null` means the browser does not offer (or blocks) that kind of storage. */
export interface Snapshot {
  cookies: SnapshotCookie[] | null;
  /** Names and sizes of the cookies the server received; null until (or unless) the server answered. */
  serverCookies: ServerCookie[] | null;
  localStorage: Array<[string, string]> | null;
  sessionStorage: Array<[string, string]> | null;
  indexedDB: string[] | null;
  cacheStorage: string[] | null;
}

export interface ServerCookie {
  name: string;
  size: number;
}

export const emptySnapshot: Snapshot = {
  cookies: null,
  serverCookies: null,
  localStorage: null,
  sessionStorage: null,
  indexedDB: null,
  cacheStorage: null,
};

export interface Row {
  /** Unique among the rows of one snapshot. */
  id: string;
  storage: StorageType;
  name: string;
  /** Bytes, or null where the browser does not tell (IndexedDB, Cache Storage). */
  size: number | null;
  /** The value as text; null where a script cannot read it. */
  value: string | null;
  /** Only the server saw it: HttpOnly, or set for another path. Script can neither read nor delete it. */
  serverOnly: boolean;
  expires?: number | null;
  declared: InspectorItem | null;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a cookie's name and value: what browsers count against the ~4 KB per-cookie limit. */
export function cookieSize(name: string, value: string): number {
  return utf8Length(name) + utf8Length(value);
}

function utf8Length(s: string): number {
  // ASCII is by far the common case for cookies; skip the encoder for it
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
}

/** localStorage and sessionStorage: 2 bytes per UTF-16 code unit of key and value, as browsers account it. */
export function webStorageSize(key: string, value: string): number {
  return 2 * (key.length + value.length);
}

const STORAGE_ORDER: readonly StorageType[] = ["cookie", "localStorage", "sessionStorage", "indexedDB", "cacheStorage"];

export function buildRows(snapshot: Snapshot, registry: Pick<InspectorRegistry, "items">): Row[] {
  const rows: Row[] = [];
  const ids = new Map<string, number>();
  const push = (row: Omit<Row, "id" | "declared">) => {
    const base = `${row.storage}:${row.name}`;
    const seen = ids.get(base) ?? 0;
    ids.set(base, seen + 1);
    rows.push({
      ...row,
      id: seen ? `${base}#${seen}` : base,
      declared: findItem(registry, row.storage, row.name) ?? null,
    });
  };

  const scriptCookieCount = new Map<string, number>();
  for (const c of snapshot.cookies ?? []) {
    scriptCookieCount.set(c.name, (scriptCookieCount.get(c.name) ?? 0) + 1);
    push({
      storage: "cookie",
      name: c.name,
      size: cookieSize(c.name, c.value),
      value: c.value,
      serverOnly: false,
      ...(c.expires !== undefined ? { expires: c.expires } : {}),
    });
  }
  // The server sees HttpOnly cookies too. A name it received more often than script can see it is
  // (also) a cookie script cannot reach: HttpOnly, or set for another path.
  for (const c of snapshot.serverCookies ?? []) {
    const left = scriptCookieCount.get(c.name) ?? 0;
    if (left > 0) {
      scriptCookieCount.set(c.name, left - 1);
      continue;
    }
    push({ storage: "cookie", name: c.name, size: c.size, value: null, serverOnly: true });
  }
  for (const area of ["localStorage", "sessionStorage"] as const) {
    for (const [key, value] of snapshot[area] ?? []) {
      push({ storage: area, name: key, size: webStorageSize(key, value), value, serverOnly: false });
    }
  }
  for (const name of snapshot.indexedDB ?? [])
    push({ storage: "indexedDB", name, size: null, value: null, serverOnly: false });
  for (const name of snapshot.cacheStorage ?? [])
    push({ storage: "cacheStorage", name, size: null, value: null, serverOnly: false });

  // sort keys computed once per row, not once per comparison (thousands of rows)
  const keyed = rows.map((row) => ({ row, order: STORAGE_ORDER.indexOf(row.storage), lower: row.name.toLowerCase() }));
  keyed.sort(
    (a, b) =>
      a.order - b.order ||
      (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0),
  );
  return keyed.map((k) => k.row);
}

/** Whether two snapshots hold the same things, so an unchanged poll causes no render. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    sameList(a.cookies, b.cookies, (x, y) => x.name === y.name && x.value === y.value && x.expires === y.expires) &&
    sameList(a.serverCookies, b.serverCookies, (x, y) => x.name === y.name && x.size === y.size) &&
    sameList(a.localStorage, b.localStorage, (x, y) => x[0] === y[0] && x[1] === y[1]) &&
    sameList(a.sessionStorage, b.sessionStorage, (x, y) => x[0] === y[0] && x[1] === y[1]) &&
    sameList(a.indexedDB, b.indexedDB, (x, y) => x === y) &&
    sameList(a.cacheStorage, b.cacheStorage, (x, y) => x === y)
  );
}

function sameList<T>(a: readonly T[] | null, b: readonly T[] | null, eq: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i] as T, b[i] as T)) return false;
  return true;
}

export type CategoryFilter = "all" | "undeclared" | (string & {});

export interface RowFilter {
  text: string;
  category: CategoryFilter;
}

export function filterRows(rows: readonly Row[], filter: RowFilter): Row[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.category === "undeclared" && row.declared) return false;
    if (filter.category !== "all" && filter.category !== "undeclared" && row.declared?.category !== filter.category)
      return false;
    if (!needle) return true;
    return (
      row.name.toLowerCase().includes(needle) ||
      (row.declared !== null &&
        (row.declared.purpose.toLowerCase().includes(needle) ||
          (row.declared.service ?? "").toLowerCase().includes(needle)))
    );
  });
}

export interface CategorySummary {
  /** A category id, or null for what the registry does not declare. */
  id: string | null;
  count: number;
  bytes: number;
  rows: Row[];
}

/** Per declared category (in registry order) and for undeclared rows: how many, how big, which. */
export function summarize(rows: readonly Row[], registry: Pick<InspectorRegistry, "categories">): CategorySummary[] {
  const by = new Map<string | null, CategorySummary>();
  for (const c of registry.categories) by.set(c.id, { id: c.id, count: 0, bytes: 0, rows: [] });
  by.set(null, { id: null, count: 0, bytes: 0, rows: [] });
  for (const row of rows) {
    const id = row.declared?.category ?? null;
    let s = by.get(id);
    if (!s) by.set(id, (s = { id, count: 0, bytes: 0, rows: [] }));
    s.count++;
    s.bytes += row.size ?? 0;
    s.rows.push(row);
  }
  return [...by.values()];
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

/** One page of a list (1-based); an out-of-range page number lands on the nearest real page. */
export function paginate<T>(list: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (p - 1) * size;
  const items = list.slice(start, start + size);
  return { items, page: p, pages, from: items.length ? start + 1 : 0, to: start + items.length, total: list.length };
}

/**
 * How a deletion is asked about. One declared cookie or storage key goes at once (the visitor can see
 * what it is for, and the site can set it again); a strictly necessary one is asked about with its
 * consequences ("required"); anything else, a list, a database, a cache, or something undeclared that
 * may belong to the company's app, is asked about with the list of what will go ("list").
 */
export function confirmationFor(
  rows: readonly Row[],
  requiredCategories: ReadonlySet<string>,
): "none" | "required" | "list" {
  const [only] = rows;
  if (rows.length !== 1 || !only?.declared) return "list";
  if (requiredCategories.has(only.declared.category)) return "required";
  return only.storage === "indexedDB" || only.storage === "cacheStorage" ? "list" : "none";
}

export interface Preview {
  text: string;
  truncated: boolean;
  /** Length of the whole value in UTF-16 code units. */
  length: number;
}

/** The start of a value for display, never splitting a surrogate pair (an emoji stays whole or goes). */
export function previewValue(value: string, max: number): Preview {
  if (value.length <= max) return { text: value, truncated: false, length: value.length };
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: value.slice(0, end), truncated: true, length: value.length };
}

/** Short, truncated name for places like button labels; the full name stays available elsewhere. */
export function shortName(name: string, max = 60): string {
  const p = previewValue(name, max);
  return p.truncated ? `${p.text}…` : name;
}

function byteFormat(locale: string, unit: string): Intl.NumberFormat {
  return numberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: unit === "byte" ? "long" : "short",
    maximumFractionDigits: 1,
  });
}

export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1000) return byteFormat(locale, "byte").format(bytes);
  const [unit, div] =
    bytes < 1e6
      ? (["kilobyte", 1e3] as const)
      : bytes < 1e9
        ? (["megabyte", 1e6] as const)
        : (["gigabyte", 1e9] as const);
  return byteFormat(locale, unit).format(bytes / div);
}
