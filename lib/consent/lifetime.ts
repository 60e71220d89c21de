// How long a consent decision holds: the duration the registry declares for the record itself, so the
// declaration and the behaviour cannot drift apart.
import type { ClientRegistry } from "../registry/client";
import { parseDuration } from "../registry/duration";
import { DEFAULT_LIFETIME, type Lifetime, RECORD_KEY } from "./record";

export function recordLifetime(registry: Pick<ClientRegistry, "items">): Lifetime {
  const item = registry.items.find((i) => i.storage === "localStorage" && i.name === RECORD_KEY);
  const d = item ? parseDuration(item.duration) : null;
  return d?.kind === "fixed" ? { amount: d.amount, unit: d.unit } : DEFAULT_LIFETIME;
}
