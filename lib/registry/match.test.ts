import { describe, expect, it, vi } from "vitest";
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
    expect(matchesName("*", "")).toBe(true);
    expect(matchesName("a*b*c", "abc")).toBe(true);
    expect(matchesName("a*b*c", "axxbyyc")).toBe(true);
    expect(matchesName("a*b*c", "acb")).toBe(false);
    expect(matchesName("ab*ba", "aba")).toBe(false); // the ends may not overlap
    expect(matchesName("*x*x*", "x")).toBe(false);
    expect(matchesName("*x*x*", "xx")).toBe(true);
    expect(matchesName("_*_*_", "___")).toBe(true);
  });

  it("agrees with the obvious regular expression on many patterns and names", () => {
    const alphabet = ["a", "b", "*"];
    const words = (n: number): string[] => (n === 0 ? [""] : words(n - 1).flatMap((w) => alphabet.map((c) => w + c)));
    const patterns = [1, 2, 3, 4].flatMap(words);
    const names = [0, 1, 2, 3, 4, 5].flatMap((n) => words(n).filter((w) => !w.includes("*")));
    for (const p of patterns) {
      const re = new RegExp(`^${p.split("*").join(".*")}$`, "s");
      for (const n of names) expect(matchesName(p, n), `${p} ~ ${n}`).toBe(re.test(n));
    }
  });

  it("matches patterns with many stars against a 4,000-character key, reading the key once", () => {
    // a backtracking regular expression takes seconds for "*a*a*a*b" against 300 a's, hours for 4,000
    const key = "a".repeat(4000);
    const indexOf = vi.spyOn(String.prototype, "indexOf");
    try {
      for (const stars of [3, 8, 20]) {
        const pattern = `${"*a".repeat(stars)}*b`;
        indexOf.mockClear();
        expect(matchesName(pattern, key)).toBe(false);
        expect(matchesName(pattern, `${key}b`)).toBe(true);
        // one search per piece, each starting where the last one ended: no character is read twice
        const starts = indexOf.mock.calls.map((c) => Number(c[1] ?? 0));
        expect(starts.length).toBe(stars);
        for (const [i, at] of starts.entries()) if (i) expect(at).toBeGreaterThan(starts[i - 1] ?? 0);
      }
    } finally {
      indexOf.mockRestore();
    }
  });

  it("prefers an exact name over a pattern, and keeps storage areas apart", () => {
    const registry = { items: [item("_ga*"), item("_ga"), item("ttclid", "localStorage")] };
    expect(findItem(registry, "cookie", "_ga")).toBe(registry.items[1]);
    expect(findItem(registry, "cookie", "_ga_X")).toBe(registry.items[0]);
    expect(findItem(registry, "cookie", "ttclid")).toBeUndefined();
    expect(findItem(registry, "localStorage", "ttclid")).toBe(registry.items[2]);
  });
});
