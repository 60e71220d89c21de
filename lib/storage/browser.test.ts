import { describe, expect, it } from "vitest";
import { blockedStorageHost, MemoryStorage } from "../testing/memory-storage";
import { STORAGE_API } from "./api";
import { type BrowserHost, collectLocal, deleteEverything, deleteRows, fetchServerCookies } from "./browser";
import { parseCookieString } from "./cookies";
import { buildRows, emptySnapshot } from "./inspect";

/** document.cookie that behaves like a browser's for host-only cookies on one path. */
function cookieJar(initial: Record<string, string> = {}) {
  const jar = new Map(Object.entries(initial));
  return {
    jar,
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(write: string) {
      const [pair = "", ...attrs] = write.split(";");
      const [name = "", value = ""] = parseCookieString(pair).map((c) => [c.name, c.value])[0] ?? [];
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      const domain = attrs.find((a) => /^\s*domain=/i.test(a));
      if (domain) return; // a host-only cookie is not touched by a Domain= write
      if (expired) jar.delete(name);
      else jar.set(name, value);
    },
  };
}

function fakeFetch(answers: Record<string, unknown>, calls: Array<{ url: string; init?: RequestInit }>) {
  return (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    if (!(url in answers)) return new Response("no", { status: 404 });
    return Response.json(answers[url]);
  }) as typeof fetch;
}

function host(
  extra: Partial<BrowserHost> = {},
): BrowserHost & { localStorage: MemoryStorage; sessionStorage: MemoryStorage } {
  return {
    document: cookieJar({ _ga: "GA1.1", theme: "x" }),
    location: { hostname: "localhost", pathname: "/en/cookie-policy", protocol: "http:" },
    localStorage: new MemoryStorage(),
    sessionStorage: new MemoryStorage(),
    ...extra,
  } as BrowserHost & { localStorage: MemoryStorage; sessionStorage: MemoryStorage };
}

describe("collecting what the browser holds", () => {
  it("reads cookies, both storage areas, IndexedDB names and caches", async () => {
    const h = host({
      indexedDB: {
        databases: async () => [{ name: "db1" }, {}],
        deleteDatabase: () => ({ onsuccess: null, onerror: null, onblocked: null }),
      },
      caches: { keys: async () => ["v1"], delete: async () => true },
    });
    h.localStorage.setItem("a", "1");
    h.sessionStorage.setItem("s", "2");
    expect(await collectLocal(h)).toEqual({
      cookies: [
        { name: "_ga", value: "GA1.1" },
        { name: "theme", value: "x" },
      ],
      localStorage: [["a", "1"]],
      sessionStorage: [["s", "2"]],
      indexedDB: ["db1"],
      cacheStorage: ["v1"],
    });
  });

  it("prefers the Cookie Store API, which also tells expiry", async () => {
    const h = host({
      cookieStore: { getAll: async () => [{ name: "_ga", value: "1", expires: 123, path: "/", domain: null }] },
    });
    expect((await collectLocal(h)).cookies).toEqual([
      { name: "_ga", value: "1", expires: 123, path: "/", domain: null },
    ]);
  });

  it("reports blocked or missing storage as unavailable instead of throwing", async () => {
    const blocked = Object.create(blockedStorageHost, {
      indexedDB: {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      },
    }) as BrowserHost;
    expect(await collectLocal(blocked)).toEqual({
      cookies: null,
      localStorage: null,
      sessionStorage: null,
      indexedDB: null,
      cacheStorage: null,
    });
  });

  it("validates the server's answer", async () => {
    const calls: Array<{ url: string }> = [];
    expect(
      await fetchServerCookies({
        fetch: fakeFetch({ [STORAGE_API.cookies]: { cookies: [{ name: "ims_auth", size: 9 }] } }, calls),
      }),
    ).toEqual([{ name: "ims_auth", size: 9 }]);
    expect(
      await fetchServerCookies({ fetch: fakeFetch({ [STORAGE_API.cookies]: { cookies: "<b>" } }, calls) }),
    ).toBeNull();
    expect(
      await fetchServerCookies({
        fetch: (async () => {
          throw new TypeError("offline");
        }) as typeof fetch,
      }),
    ).toBeNull();
  });
});

describe("deleting", () => {
  it("deletes each kind of row, and asks the server to expire cookies script cannot reach", async () => {
    const deletedDbs: string[] = [];
    const deletedCaches: string[] = [];
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const h = host({
      indexedDB: {
        databases: async () => [],
        deleteDatabase(name: string) {
          deletedDbs.push(name);
          const req = { onsuccess: null as null | (() => void), onerror: null, onblocked: null };
          queueMicrotask(() => req.onsuccess?.());
          return req;
        },
      },
      caches: { keys: async () => [], delete: async (n) => (deletedCaches.push(n), true) },
      fetch: fakeFetch(
        { [STORAGE_API.expireCookies]: { expired: ["ims_auth"], notSent: [], invalid: [], later: [] } },
        calls,
      ),
    });
    h.localStorage.setItem("ls", "1");
    h.sessionStorage.setItem("ss", "1");
    const rows = buildRows(
      {
        ...emptySnapshot,
        cookies: [{ name: "_ga", value: "GA1.1" }],
        serverCookies: [
          { name: "_ga", size: 8 },
          { name: "ims_auth", size: 9 },
        ],
        localStorage: [["ls", "1"]],
        sessionStorage: [["ss", "1"]],
        indexedDB: ["db"],
        cacheStorage: ["c"],
      },
      { items: [] },
    );
    expect(await deleteRows(rows, h)).toEqual([]);
    expect(h.document?.cookie).toBe("theme=x");
    expect(h.localStorage.length + h.sessionStorage.length).toBe(0);
    expect(deletedDbs).toEqual(["db"]);
    expect(deletedCaches).toEqual(["c"]);
    expect(calls.map((c) => [c.url, c.init?.method, c.init?.body])).toEqual([
      [STORAGE_API.expireCookies, "POST", '{"names":["ims_auth"]}'],
    ]);
  });

  it("reports what could not be deleted", async () => {
    const h = host({
      fetch: fakeFetch({}, []),
      indexedDB: { deleteDatabase: () => ({ onsuccess: null, onerror: null, onblocked: null }) },
    });
    const rows = buildRows(
      { ...emptySnapshot, serverCookies: [{ name: "ims_auth", size: 9 }], indexedDB: ["held-open"] },
      { items: [] },
    );
    expect(await deleteRows(rows, h, { idbTimeoutMs: 10 })).toEqual(["indexedDB:held-open", "cookie:ims_auth"]);
  });

  it("sends again the names an answer put off as later, and reports the ones the server could not expire", async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const names = Array.from({ length: 60 }, (_, i) => `c${i}`);
    // a server whose answers each take three names; c5 is one it cannot expire
    const f = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const asked: string[] = JSON.parse(String(init?.body)).names;
      const now = asked.slice(0, 3);
      return Response.json({
        expired: now.filter((n) => n !== "c5"),
        notSent: [],
        invalid: now.filter((n) => n === "c5"),
        later: asked.slice(3),
      });
    }) as typeof fetch;
    const rows = buildRows(
      { ...emptySnapshot, serverCookies: names.map((name) => ({ name, size: 3 })) },
      { items: [] },
    );
    expect(await deleteRows(rows, host({ fetch: f }))).toEqual(["cookie:c5"]);
    expect(calls).toHaveLength(20);
    // never more names in one request than the server takes
    expect(Math.max(...calls.map((c) => JSON.parse(String(c.init?.body)).names.length))).toBe(50);
  });

  it("stops asking when an answer makes no progress", async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const stuck = fakeFetch(
      { [STORAGE_API.expireCookies]: { expired: [], notSent: [], invalid: [], later: ["a", "b"] } },
      calls,
    );
    const rows = buildRows(
      {
        ...emptySnapshot,
        serverCookies: [
          { name: "a", size: 2 },
          { name: "b", size: 2 },
        ],
      },
      { items: [] },
    );
    expect(await deleteRows(rows, host({ fetch: stuck }))).toEqual(["cookie:a", "cookie:b"]);
    expect(calls).toHaveLength(1);
  });

  it("deletes everything script can reach, then asks the server for Clear-Site-Data", async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const h = host({ fetch: fakeFetch({ [STORAGE_API.clearSiteData]: { cleared: ["cookies", "storage"] } }, calls) });
    h.localStorage.setItem("candor:consent", "{}");
    h.sessionStorage.setItem("x", "y");
    expect(await deleteEverything(h)).toEqual({ script: true, server: true });
    expect(h.document?.cookie).toBe("");
    expect(h.localStorage.length + h.sessionStorage.length).toBe(0);
    expect(calls.map((c) => [c.url, c.init?.method])).toEqual([[STORAGE_API.clearSiteData, "POST"]]);
  });

  it("says so when the server could not be reached", async () => {
    const h = host({ fetch: fakeFetch({}, []) });
    expect(await deleteEverything(h)).toEqual({ script: true, server: false });
  });
});
