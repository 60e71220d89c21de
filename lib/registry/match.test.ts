import { describe, expect, it } from "vitest";
import { findItem, matchesName } from "./match";
import type { RegistryItem } from "./schema";

const item = (name: string, storage: RegistryItem["storage"] = "cookie"): RegistryItem => ({
  name,
  storage,
  category: "analytics",
  purpose: { en: "x" },
  duration: "1y",
  httpOnly: false,
  scope: "site",
});

describe("registry name matching", () => {
  it("matches a glob and nothing more", () => {
    expect(matchesName("_ga_*", "_ga_ABC123")).toBe(true);
    expect(matchesName("_ga_*", "_ga")).toBe(false);
    expect(matchesName("ttcsid*", "ttcsid")).toBe(true);
    expect(matchesName("ttcsid*", "ttcsid_C123")).toBe(true);
    expect(matchesName("a.b", "axb")).toBe(false);
    expect(matchesName("ims:cache:*", "ims:cache:user\nx")).toBe(true);
  });

  it("prefers an exact name over a pattern, and keeps storage areas apart", () => {
    const registry = { items: [item("_ga*"), item("_ga"), item("ttclid", "localStorage")] };
    expect(findItem(registry, "cookie", "_ga")).toBe(registry.items[1]);
    expect(findItem(registry, "cookie", "_ga_X")).toBe(registry.items[0]);
    expect(findItem(registry, "cookie", "ttclid")).toBeUndefined();
    expect(findItem(registry, "localStorage", "ttclid")).toBe(registry.items[2]);
  });
});
