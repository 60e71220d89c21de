import { describe, expect, it } from "vitest";
import { blockedStorageHost, MemoryStorage } from "../testing/memory-storage";
import { summarizeUsage, WEB_STORAGE_LIMIT_UNITS, webStorageUsage } from "./usage";

describe("Web Storage usage", () => {
  it("counts UTF-16 code units of keys and values per area", () => {
    const localStorage = new MemoryStorage();
    localStorage.setItem("ключ", "😀");
    expect(webStorageUsage({ localStorage, sessionStorage: new MemoryStorage() })).toEqual([
      { area: "localStorage", units: 4 + 2 },
      { area: "sessionStorage", units: 0 },
    ]);
  });

  it("reports an unreadable area as unknown", () => {
    expect(webStorageUsage(blockedStorageHost).map((a) => a.units)).toEqual([null, null]);
  });
});

describe("the usage sentence", () => {
  const area = (localUnits: number | null, sessionUnits: number | null = 0) => [
    { area: "localStorage" as const, units: localUnits },
    { area: "sessionStorage" as const, units: sessionUnits },
  ];

  it("adds Web Storage at 2 bytes a character to the browser's estimate of databases and caches", () => {
    expect(summarizeUsage(area(378, 0), { usage: 1000, quota: 10e9 })).toMatchObject({
      bytes: 756 + 1000,
      level: "low",
    });
  });

  it("says nothing is stored when nothing is", () => {
    expect(summarizeUsage(area(0, 0), { usage: 0, quota: 10e9 }).level).toBe("none");
    expect(summarizeUsage(area(null, null), null).level).toBe("none");
  });

  it("is judged by the tightest limit: one full storage area is close to the limit however large the quota", () => {
    expect(summarizeUsage(area(WEB_STORAGE_LIMIT_UNITS * 0.6), { usage: 0, quota: 10e9 }).level).toBe("medium");
    expect(summarizeUsage(area(0, WEB_STORAGE_LIMIT_UNITS * 0.95), null)).toMatchObject({ level: "high" });
    expect(summarizeUsage(area(10), { usage: 9.5e9, quota: 10e9 }).level).toBe("high");
  });

  it("never reports more than the whole limit", () => {
    expect(summarizeUsage(area(WEB_STORAGE_LIMIT_UNITS * 2), null).fraction).toBe(1);
  });
});
