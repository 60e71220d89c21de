import { describe, expect, it } from "vitest";
import { testItemLabels, testRegistry } from "../testing/registry";
import {
  buildRows,
  confirmationFor,
  cookieSize,
  emptySnapshot,
  filterRows,
  formatBytes,
  paginate,
  previewValue,
  type Snapshot,
  sameSnapshot,
  summarize,
  toInspectorRegistry,
  webStorageSize,
} from "./inspect";

const registry = toInspectorRegistry(testRegistry(), testItemLabels());

const snap = (s: Partial<Snapshot>): Snapshot => ({ ...emptySnapshot, ...s });

describe("sizes", () => {
  it("counts web storage at 2 bytes per UTF-16 code unit of key and value", () => {
    expect(webStorageSize("k", "")).toBe(2);
    expect(webStorageSize("ключ", "😀")).toBe(2 * (4 + 2)); // the emoji is a surrogate pair
  });

  it("counts cookies in UTF-8 bytes of name and value", () => {
    expect(cookieSize("_ga", "GA1.1.1")).toBe(3 + 7);
    expect(cookieSize("é", "€")).toBe(2 + 3);
  });
});

describe("labelling rows from the registry", () => {
  it("labels _ga_ABC as Google Analytics through the _ga_* pattern, and flags an unknown key as undeclared", () => {
    const rows = buildRows(
      snap({ cookies: [{ name: "_ga_ABC", value: "GS1.1" }], localStorage: [["mystery", "1"]] }),
      registry,
    );
    const ga = rows.find((r) => r.name === "_ga_ABC");
    expect(ga?.declared?.service).toBe("Google Analytics 4");
    expect(ga?.declared?.category).toBe("analytics");
    expect(ga?.declared?.duration).toBe("2 years");
    expect(rows.find((r) => r.name === "mystery")?.declared).toBeNull();
  });

  it("keeps storage areas apart: ttclid in localStorage is TikTok's copy, in sessionStorage it is undeclared", () => {
    const rows = buildRows(snap({ localStorage: [["ttclid", "x"]], sessionStorage: [["ttclid", "x"]] }), registry);
    expect(rows.find((r) => r.storage === "localStorage")?.declared?.purpose).toMatch(/TikTok/);
    expect(rows.find((r) => r.storage === "sessionStorage")?.declared).toBeNull();
  });

  it("still recognises every declared item when its labels could not be fetched, or come from another build", () => {
    const s = snap({ cookies: [{ name: "_ga", value: "GA1.1.1" }], localStorage: [["candor:theme", "dark"]] });
    for (const labels of [null, testItemLabels().filter(([, name]) => name !== "_ga")]) {
      const ga = buildRows(s, toInspectorRegistry(testRegistry(), labels)).find((r) => r.name === "_ga");
      expect(ga?.declared).toMatchObject({ category: "analytics", service: "Google Analytics 4", provider: "Google" });
      // no text rather than a wrong one: the declared duration code stands in for its words
      expect(ga?.declared).toMatchObject({ purpose: "", duration: "2y" });
    }
    const theme = buildRows(s, toInspectorRegistry(testRegistry(), testItemLabels().slice(0, 3)));
    expect(theme.find((r) => r.name === "candor:theme")?.declared).toMatchObject({
      provider: "IMsupporting",
      duration: "1 year",
    });
  });

  it("marks cookies only the server received as server-only, without a value", () => {
    const rows = buildRows(
      snap({
        cookies: [{ name: "visible", value: "1" }],
        serverCookies: [
          { name: "visible", size: 8 },
          { name: "ims_auth", size: 40 },
        ],
      }),
      registry,
    );
    expect(rows.map((r) => [r.name, r.serverOnly, r.value])).toEqual([
      ["ims_auth", true, null],
      ["visible", false, "1"],
    ]);
    expect(rows[0]?.declared?.httpOnly).toBe(true);
  });

  it("shows a name twice when script sees one cookie and the server received two (one HttpOnly)", () => {
    const rows = buildRows(
      snap({
        cookies: [{ name: "dup", value: "a" }],
        serverCookies: [
          { name: "dup", size: 4 },
          { name: "dup", size: 9 },
        ],
      }),
      registry,
    );
    expect(rows.map((r) => [r.id, r.serverOnly])).toEqual([
      ["cookie:dup", false],
      ["cookie:dup#1", true],
    ]);
  });

  it("orders by storage type then name, and gives every row a distinct id", () => {
    const rows = buildRows(
      snap({
        cacheStorage: ["c"],
        indexedDB: ["db"],
        sessionStorage: [["b", ""]],
        localStorage: [
          ["B", ""],
          ["a", ""],
        ],
        cookies: [{ name: "z", value: "" }],
      }),
      registry,
    );
    expect(rows.map((r) => `${r.storage}:${r.name}`)).toEqual([
      "cookie:z",
      "localStorage:a",
      "localStorage:B",
      "sessionStorage:b",
      "indexedDB:db",
      "cacheStorage:c",
    ]);
    expect(rows.find((r) => r.storage === "indexedDB")?.size).toBeNull();
  });

  it("keeps markup in names and values as plain strings", () => {
    const rows = buildRows(
      snap({ localStorage: [["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"]] }),
      registry,
    );
    expect(rows[0]?.name).toBe("<img src=x onerror=alert(1)>");
    expect(rows[0]?.value).toBe("<script>alert(1)</script>");
  });
});

describe("filtering, summarising and paging", () => {
  const rows = buildRows(
    snap({
      cookies: [
        { name: "_ga", value: "1" },
        { name: "_ttp", value: "22" },
      ],
      localStorage: [
        ["candor:theme", "{}"],
        ["unknown", "x"],
      ],
    }),
    registry,
  );

  it("filters by category, by undeclared, and by text in the name or purpose", () => {
    expect(filterRows(rows, { text: "", category: "analytics" }).map((r) => r.name)).toEqual(["_ga"]);
    expect(filterRows(rows, { text: "", category: "advertising" }).map((r) => r.name)).toEqual(["_ttp"]);
    expect(filterRows(rows, { text: "", category: "undeclared" }).map((r) => r.name)).toEqual(["unknown"]);
    expect(filterRows(rows, { text: "THEME", category: "all" }).map((r) => r.name)).toEqual(["candor:theme"]);
    expect(filterRows(rows, { text: "tiktok", category: "all" }).map((r) => r.name)).toEqual(["_ttp"]);
  });

  it("sums count and bytes per category, with undeclared last", () => {
    const s = summarize(rows, registry);
    expect(s.map((c) => c.id)).toEqual(["necessary", "analytics", "advertising", "functional", "security", null]);
    const analytics = s.find((c) => c.id === "analytics");
    expect(analytics?.count).toBe(1);
    expect(analytics?.bytes).toBe(cookieSize("_ga", "1"));
    expect(s.find((c) => c.id === "advertising")?.bytes).toBe(cookieSize("_ttp", "22"));
    expect(s.at(-1)?.rows.map((r) => r.name)).toEqual(["unknown"]);
  });

  it("pages a long list and clamps the page number", () => {
    const list = Array.from({ length: 205 }, (_, i) => i);
    expect(paginate(list, 1, 100)).toMatchObject({ page: 1, pages: 3, from: 1, to: 100, total: 205 });
    expect(paginate(list, 9, 100)).toMatchObject({ page: 3, from: 201, to: 205 });
    expect(paginate([], 1, 100)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0 });
  });
});

describe("which deletions are asked about first", () => {
  const required = new Set(["necessary", "security"]);
  const rows = buildRows(
    snap({
      cookies: [{ name: "_ga", value: "1" }],
      localStorage: [
        ["candor:consent", "{}"],
        ["candor:theme", "{}"],
        ["unknown", "x"],
      ],
      indexedDB: ["app-db"],
      cacheStorage: ["app-cache"],
    }),
    registry,
  );
  const one = (name: string) => rows.filter((r) => r.name === name);

  it("deletes one declared cookie or storage key at once", () => {
    expect(confirmationFor(one("_ga"), required)).toBe("none");
    expect(confirmationFor(one("candor:theme"), required)).toBe("none");
  });

  it("asks with the consequences before a strictly necessary item", () => {
    expect(confirmationFor(one("candor:consent"), required)).toBe("required");
  });

  it("asks with the list before anything undeclared, any database or cache, and any group of items", () => {
    expect(confirmationFor(one("unknown"), required)).toBe("list");
    expect(confirmationFor(one("app-db"), required)).toBe("list");
    expect(confirmationFor(one("app-cache"), required)).toBe("list");
    expect(confirmationFor([...one("_ga"), ...one("candor:theme")], required)).toBe("list");
    expect(confirmationFor([], required)).toBe("list");
  });
});

describe("value previews", () => {
  it("truncates a long value without splitting an emoji", () => {
    const p = previewValue("ab😀cd", 3);
    expect(p).toEqual({ text: "ab", truncated: true, length: 6 });
    expect(previewValue("short", 10)).toEqual({ text: "short", truncated: false, length: 5 });
  });

  it("formats sizes for reading", () => {
    expect(formatBytes(12, "en")).toBe("12 bytes");
    expect(formatBytes(2048, "en")).toBe("2 kB");
    expect(formatBytes(2_097_152, "en")).toBe("2.1 MB");
    expect(formatBytes(10_737_418_240, "en")).toBe("10.7 GB");
  });
});

describe("change detection", () => {
  it("sees a changed value of the same length, and no change when nothing changed", () => {
    const a = snap({ localStorage: [["k", "aaaa"]], cookies: [] });
    expect(sameSnapshot(a, snap({ localStorage: [["k", "aaaa"]], cookies: [] }))).toBe(true);
    expect(sameSnapshot(a, snap({ localStorage: [["k", "aaab"]], cookies: [] }))).toBe(false);
    expect(sameSnapshot(a, snap({ localStorage: [["k", "aaaa"]], cookies: null }))).toBe(false);
  });
});
