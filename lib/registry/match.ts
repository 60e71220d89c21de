// Matches real cookie and storage names against the registry's names and patterns (`_ga_*`).
import type { RegistryItem, StorageType } from "./schema";

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    re = new RegExp(`^${body}$`, "s");
    cache.set(pattern, re);
  }
  return re;
}

export function matchesName(pattern: string, name: string): boolean {
  return pattern.includes("*") ? globToRegExp(pattern).test(name) : pattern === name;
}

/** The declared item for a name in a storage area; an exact name wins over a pattern. */
export function findItem<T extends Pick<RegistryItem, "name" | "storage">>(
  registry: { items: readonly T[] },
  storage: StorageType,
  name: string,
): T | undefined {
  let patternHit: T | undefined;
  for (const item of registry.items) {
    if (item.storage !== storage) continue;
    if (item.name === name) return item;
    if (!patternHit && item.name.includes("*") && globToRegExp(item.name).test(name)) patternHit = item;
  }
  return patternHit;
}
