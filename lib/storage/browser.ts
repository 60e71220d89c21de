// Reads and deletes what this site holds in the browser, for the inspector. Every browser API is
// reached through a host object (window in the page, fakes in tests), and nothing here throws:
// storage may be blocked, an API may be missing, a request may fail.
import { decodeClearResponse, decodeCookieEcho, decodeExpireResponse, MAX_EXPIRE_NAMES, STORAGE_API } from "./api";
import { deleteCookie, readCookies } from "./cookies";
import type { Row, ServerCookie, Snapshot, SnapshotCookie } from "./inspect";
import { storageClear, storageRemove, storageSnapshot } from "./safe";

interface CookieStoreCookie {
  name: string;
  value: string;
  expires?: number | null;
  path?: string | null;
  domain?: string | null;
}
interface CookieStoreLike {
  getAll(): Promise<CookieStoreCookie[]>;
}
interface IndexedDBLike {
  databases?: () => Promise<Array<{ name?: string }>>;
  deleteDatabase(name: string): { onsuccess: unknown; onerror: unknown; onblocked: unknown };
}
interface CachesLike {
  keys(): Promise<string[]>;
  delete(name: string): Promise<boolean>;
}

export interface BrowserHost {
  document?: { cookie: string };
  location?: { hostname: string; pathname: string; protocol?: string };
  localStorage?: Storage;
  sessionStorage?: Storage;
  indexedDB?: IndexedDBLike;
  caches?: CachesLike;
  cookieStore?: CookieStoreLike;
  fetch?: typeof fetch;
}

export const windowHost = (): BrowserHost => (typeof window === "undefined" ? {} : (window as unknown as BrowserHost));

/** Reading some globals throws where storage is blocked; treat that as absent. */
function get<K extends keyof BrowserHost>(host: BrowserHost, key: K): BrowserHost[K] | undefined {
  try {
    return host[key] ?? undefined;
  } catch {
    return undefined;
  }
}

async function readScriptCookies(host: BrowserHost): Promise<SnapshotCookie[] | null> {
  const store = get(host, "cookieStore");
  if (store) {
    try {
      const all = await store.getAll();
      return all.map((c) => ({
        name: c.name,
        value: c.value,
        expires: c.expires ?? null,
        path: c.path ?? null,
        domain: c.domain ?? null,
      }));
    } catch {
      // fall back to document.cookie below
    }
  }
  const doc = get(host, "document");
  return doc ? readCookies(doc) : null;
}

async function readIndexedDBNames(host: BrowserHost): Promise<string[] | null> {
  const idb = get(host, "indexedDB");
  if (!idb?.databases) return null;
  try {
    const dbs = await idb.databases();
    return dbs.map((d) => d.name).filter((n): n is string => typeof n === "string");
  } catch {
    return null;
  }
}

async function readCacheNames(host: BrowserHost): Promise<string[] | null> {
  const caches = get(host, "caches");
  if (!caches) return null;
  try {
    return await caches.keys();
  } catch {
    return null;
  }
}

/** Everything a script can see, without the server's view (see fetchServerCookies). */
export async function collectLocal(host: BrowserHost): Promise<Omit<Snapshot, "serverCookies">> {
  const [cookies, indexedDB, cacheStorage] = await Promise.all([
    readScriptCookies(host),
    readIndexedDBNames(host),
    readCacheNames(host),
  ]);
  return {
    cookies,
    localStorage: storageSnapshot("localStorage", host),
    sessionStorage: storageSnapshot("sessionStorage", host),
    indexedDB,
    cacheStorage,
  };
}

/** The cookie names and sizes the server received; null when it could not be asked. */
export async function fetchServerCookies(host: BrowserHost): Promise<ServerCookie[] | null> {
  const f = get(host, "fetch");
  if (!f) return null;
  try {
    const res = await f(STORAGE_API.cookies, { cache: "no-store", credentials: "same-origin" });
    if (!res.ok) return null;
    return decodeCookieEcho(await res.json())?.cookies ?? null;
  } catch {
    return null;
  }
}

async function postJson(host: BrowserHost, url: string, body: unknown): Promise<unknown> {
  const f = get(host, "fetch");
  if (!f) return null;
  try {
    const res = await f(url, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

function deleteIndexedDB(idb: IndexedDBLike, name: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // "blocked" means another tab still has the database open; success follows once it closes it
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    try {
      const req = idb.deleteDatabase(name);
      req.onsuccess = () => done(true);
      req.onerror = () => done(false);
    } catch {
      done(false);
    }
  });
}

/**
 * Deletes the given rows. Script-visible cookies go in every domain/path variant a script can reach;
 * cookies only the server sees are expired by the server. Returns the ids that could not be deleted.
 */
export async function deleteRows(
  rows: readonly Row[],
  host: BrowserHost,
  opts: { idbTimeoutMs?: number } = {},
): Promise<string[]> {
  const failed: string[] = [];
  const serverNames = new Set<string>();
  const doc = get(host, "document");
  const location = get(host, "location");
  for (const row of rows) {
    switch (row.storage) {
      case "cookie":
        if (row.serverOnly) serverNames.add(row.name);
        else if (!doc || !location || !deleteCookie(row.name, doc, location)) failed.push(row.id);
        break;
      case "localStorage":
      case "sessionStorage":
        if (!storageRemove(row.storage, row.name, host)) failed.push(row.id);
        break;
      case "indexedDB": {
        const idb = get(host, "indexedDB");
        if (!idb || !(await deleteIndexedDB(idb, row.name, opts.idbTimeoutMs ?? 3000))) failed.push(row.id);
        break;
      }
      case "cacheStorage": {
        const caches = get(host, "caches");
        const ok = caches ? await caches.delete(row.name).catch(() => false) : false;
        if (!ok) failed.push(row.id);
        break;
      }
    }
  }
  if (serverNames.size) {
    const expired = await expireOnServer(host, [...serverNames]);
    for (const row of rows) if (row.serverOnly && !expired.has(row.name)) failed.push(row.id);
  }
  return failed;
}

/**
 * Asks the server to expire `names`, sending again what an answer put off as `later` (one answer's
 * headers are kept small for proxies) until every name is answered or an answer makes no progress.
 */
async function expireOnServer(host: BrowserHost, names: string[]): Promise<Set<string>> {
  const expired = new Set<string>();
  let pending = names;
  while (pending.length) {
    const answer = decodeExpireResponse(
      await postJson(host, STORAGE_API.expireCookies, { names: pending.slice(0, MAX_EXPIRE_NAMES) }),
    );
    if (!answer) break;
    for (const name of answer.expired) expired.add(name);
    const later = [...answer.later, ...pending.slice(MAX_EXPIRE_NAMES)];
    if (later.length >= pending.length) break; // nothing was answered: do not ask forever
    pending = later;
  }
  return expired;
}

export interface ClearOutcome {
  /** Everything script can reach was removed. */
  script: boolean;
  /** The server answered with Clear-Site-Data. */
  server: boolean;
}

/**
 * "Delete all my data on this site": clears what script can reach itself (so it works even where
 * Clear-Site-Data is not honoured), then asks the server for Clear-Site-Data, which also takes the
 * HttpOnly cookies.
 */
export async function deleteEverything(host: BrowserHost): Promise<ClearOutcome> {
  const local = await collectLocal(host);
  const rows: Row[] = [
    ...(local.cookies ?? []).map((c) => ({
      id: `cookie:${c.name}`,
      storage: "cookie" as const,
      name: c.name,
      size: null,
      value: null,
      serverOnly: false,
      declared: null,
    })),
    ...(local.indexedDB ?? []).map((n) => ({
      id: `indexedDB:${n}`,
      storage: "indexedDB" as const,
      name: n,
      size: null,
      value: null,
      serverOnly: false,
      declared: null,
    })),
    ...(local.cacheStorage ?? []).map((n) => ({
      id: `cacheStorage:${n}`,
      storage: "cacheStorage" as const,
      name: n,
      size: null,
      value: null,
      serverOnly: false,
      declared: null,
    })),
  ];
  const failed = await deleteRows(rows, host);
  const areasCleared = [
    local.localStorage && storageClear("localStorage", host),
    local.sessionStorage && storageClear("sessionStorage", host),
  ];
  const server = decodeClearResponse(await postJson(host, STORAGE_API.clearSiteData, {})) !== null;
  return { script: failed.length === 0 && areasCleared.every((c) => c !== false), server };
}
