// Matches real cookie and storage names against the registry's names and patterns (`_ga_*`).
import type { RegistryItem, StorageType } from "./schema";

/**
 * Whether `name` fits `pattern`, where `*` stands for any run of characters (none included). Linear in
 * the name whatever the pattern: the first piece must start the name, the last must end it, and each
 * piece between is found leftmost after the one before — taking the earliest place never loses a match,
 * so nothing is ever tried twice. (A regular expression with several `.*` backtracks: seconds for one
 * long key, on the inspector's every poll.)
 */
export function matchesName(pattern: string, name: string): boolean {
  const pieces = pattern.split("*");
  if (pieces.length === 1) return pattern === name;
  const first = pieces[0] ?? "";
  const last = pieces[pieces.length - 1] ?? "";
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  const end = name.length - last.length;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? "";
    if (!piece) continue;
    const found = name.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
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
    if (!patternHit && item.name.includes("*") && matchesName(item.name, name)) patternHit = item;
  }
  return patternHit;
}
