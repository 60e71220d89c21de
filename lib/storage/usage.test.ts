import { describe, expect, it } from "vitest";
import { blockedStorageHost, MemoryStorage } from "../testing/memory-storage";
import { webStorageUsage } from "./usage";

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
