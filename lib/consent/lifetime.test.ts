import { describe, expect, it } from "vitest";
import { testRegistry } from "../testing/registry";
import { recordLifetime } from "./lifetime";

describe("the consent record's lifetime", () => {
  it("is the duration the registry declares for candor:consent", () => {
    expect(recordLifetime(testRegistry())).toEqual({ amount: 6, unit: "month" });
  });

  it("follows the declaration when the legal team changes it", () => {
    const reg = testRegistry();
    const items = reg.items.map((i) => (i.name === "candor:consent" ? { ...i, duration: "12mo" } : i));
    expect(recordLifetime({ items })).toEqual({ amount: 12, unit: "month" });
  });

  it("falls back to 6 months when the declaration has no fixed duration", () => {
    expect(recordLifetime({ items: [] })).toEqual({ amount: 6, unit: "month" });
  });
});
