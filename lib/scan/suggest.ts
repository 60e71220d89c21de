// The registry entry the scanner suggests for an undeclared item: YAML to paste under `items:`, with the
// category, service and duration read from where and how long the item was seen.
import { stringify } from "yaml";
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";
import { localize, type Registry, type StorageType } from "../registry/schema";
import type { ConsentState, Grants } from "./states";

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** The shortest declared duration code that covers a lifetime in seconds (0 or less: "session"). */
export function durationCodeFor(seconds: number): string {
  if (seconds <= 0) return "session";
  if (seconds < HOUR) return `${Math.ceil(seconds / MINUTE)}min`;
  if (seconds <= DAY) return `${Math.ceil(seconds / HOUR)}h`;
  if (seconds <= 31 * DAY) return `${Math.ceil(seconds / DAY)}d`;
  const year = maxLifetimeSeconds({ kind: "fixed", amount: 1, unit: "year" }) ?? 0;
  const month = maxLifetimeSeconds({ kind: "fixed", amount: 1, unit: "month" }) ?? 0;
  const years = Math.ceil(seconds / year);
  // Whole years read better, as long as they do not declare much more than was seen.
  if (years * year - seconds <= month) return `${years}y`;
  return `${Math.ceil(seconds / month)}mo`;
}

export interface Sighting {
  state: ConsentState;
  /** The grants in force when it was seen (before the choice: those of "no decision"). */
  grants: Grants;
}

export interface Guess {
  category: string;
  service?: string;
  /** Why, in words, for a YAML comment. */
  reason: string;
}

/**
 * Reads the category (and service) from the states an item was seen in: seen with nothing optional
 * granted means the site treats it as strictly necessary; seen only where one service (or category)
 * was granted points to that one.
 */
export function guessCategory(
  registry: Pick<Registry, "categories" | "services">,
  sightings: Sighting[],
  locale = "en",
): Guess {
  const required = registry.categories.filter((c) => c.required);
  const optionalIds = registry.categories.filter((c) => !c.required).map((c) => c.id);
  const requiredServices = registry.services.filter((s) => required.some((c) => c.id === s.category)).map((s) => s.id);
  const firstRequired = required[0]?.id ?? registry.categories[0]?.id ?? "necessary";
  const nothingOptional = sightings.find(
    (s) =>
      s.grants.categories.every((c) => !optionalIds.includes(c)) &&
      s.grants.services.every((id) => requiredServices.includes(id)),
  );
  if (nothingOptional || sightings.length === 0) {
    return {
      category: firstRequired,
      reason: `seen with no optional category granted (${nothingOptional?.state.label ?? "no state"}); if it is not strictly necessary, it must wait for consent`,
    };
  }
  const common = <T>(lists: T[][]): T[] => (lists[0] ?? []).filter((x) => lists.every((l) => l.includes(x)));
  const services = common(sightings.map((s) => s.grants.services)).filter((id) => !requiredServices.includes(id));
  const categories = common(sightings.map((s) => s.grants.categories)).filter((id) => optionalIds.includes(id));
  const seenIn = [...new Set(sightings.map((s) => s.state.label))].join(", ");
  if (services.length === 1) {
    const service = registry.services.find((s) => s.id === services[0]);
    if (service)
      return {
        category: service.category,
        service: service.id,
        reason: `seen only when ${service.name} was granted (${seenIn})`,
      };
  }
  if (categories.length === 1) {
    const category = registry.categories.find((c) => c.id === categories[0]);
    if (category)
      return {
        category: category.id,
        reason: `seen only when ${localize(category.title, locale)} was granted (${seenIn})`,
      };
  }
  const candidates = categories.length > 0 ? categories : optionalIds;
  return {
    category: candidates[0] ?? firstRequired,
    reason: `seen in ${seenIn}; could be any of: ${candidates.join(", ")}`,
  };
}

export interface SuggestionInput {
  storage: StorageType;
  name: string;
  guess: Guess;
  provider: string;
  /** Longest lifetime seen, in seconds; 0 for a session cookie; undefined for web storage. */
  lifetimeSeconds?: number;
  httpOnly?: boolean;
  /** Cookie domain or storage origin, when it is not the site's own. */
  foreignPlace?: string;
}

const scalar = (value: string): string => stringify(value).trimEnd();

/** A YAML list entry, indented to paste under `items:` in content/registry.yaml. */
export function suggestEntry(input: SuggestionInput): string {
  const duration =
    input.storage === "cookie"
      ? durationCodeFor(input.lifetimeSeconds ?? 0)
      : input.storage === "sessionStorage"
        ? "session"
        : "persistent";
  if (parseDuration(duration) === null) throw new Error(`Suggested a duration the registry cannot read: ${duration}`);
  const lines = [
    `  - name: ${scalar(input.name)}`,
    `    storage: ${input.storage}`,
    `    category: ${scalar(input.guess.category)}   # ${input.guess.reason}`,
    input.guess.service !== undefined
      ? `    service: ${scalar(input.guess.service)}`
      : `    provider: ${scalar(input.provider)}`,
  ];
  if (input.httpOnly) lines.push("    httpOnly: true");
  if (input.foreignPlace) lines.push(`    # seen on ${input.foreignPlace}, not on this site's own host`);
  lines.push(
    "    purpose:",
    '      en: ""   # say in plain words what it is for; the content check will not pass until you do',
    `    duration: ${duration}${input.storage === "cookie" && (input.lifetimeSeconds ?? 0) > 0 ? "   # the longest lifetime the scan saw, rounded up" : ""}`,
  );
  return lines.join("\n");
}

/** The provider most of the registry's own items name (the company running the site). */
export function siteProvider(registry: Pick<Registry, "items">, fallback: string): string {
  const counts = new Map<string, number>();
  for (const item of registry.items)
    if (item.service === undefined && item.provider) counts.set(item.provider, (counts.get(item.provider) ?? 0) + 1);
  let best: string | undefined;
  for (const [provider, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = provider;
  return best ?? fallback;
}
