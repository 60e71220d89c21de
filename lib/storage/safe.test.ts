import { describe, expect, it } from "vitest";
import { blockedStorageHost as blockedHost, MemoryStorage } from "../testing/memory-storage";
import { storageAvailable, storageEntries, storageGet, storageRemove, storageSet } from "./safe";

describe("safe storage access", () => {
  it("reads and writes when storage works", () => {
    const host = { localStorage: new MemoryStorage() };
    expect(storageSet("localStorage", "k", "v", host)).toEqual({ success: true, value: undefined });
    expect(storageGet("localStorage", "k", host)).toEqual({ success: true, value: "v" });
    expect(storageEntries("localStorage", host)).toEqual([["k", "v"]]);
    expect(storageRemove("localStorage", "k", host)).toBe(true);
    expect(storageGet("localStorage", "k", host)).toEqual({ success: true, value: null });
  });

  it("reports blocked storage instead of throwing", () => {
    expect(storageGet("localStorage", "k", blockedHost)).toEqual({ success: false, reason: "unavailable" });
    expect(storageSet("localStorage", "k", "v", blockedHost)).toEqual({ success: false, reason: "unavailable" });
    expect(storageRemove("localStorage", "k", blockedHost)).toBe(false);
    expect(storageEntries("localStorage", blockedHost)).toEqual([]);
    expect(storageAvailable("localStorage", blockedHost)).toBe(false);
    expect(storageGet("sessionStorage", "k", {})).toEqual({ success: false, reason: "unavailable" });
  });

  it("tells a full storage apart", () => {
    const host = { localStorage: new MemoryStorage(4) };
    expect(storageSet("localStorage", "key", "value", host)).toEqual({ success: false, reason: "quota" });
  });
});

describe("whole-area access", () => {
  it("tells an empty area from an unreadable one, and clears an area", async () => {
    const { storageSnapshot, storageClear } = await import("./safe");
    const host = { localStorage: new MemoryStorage() };
    expect(storageSnapshot("localStorage", host)).toEqual([]);
    host.localStorage.setItem("a", "1");
    expect(storageSnapshot("localStorage", host)).toEqual([["a", "1"]]);
    expect(storageClear("localStorage", host)).toBe(true);
    expect(host.localStorage.length).toBe(0);
    expect(storageSnapshot("localStorage", blockedHost)).toBeNull();
    expect(storageClear("localStorage", blockedHost)).toBe(false);
  });
});
