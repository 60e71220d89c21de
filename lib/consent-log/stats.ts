// What the dashboard shows, worked out from the events of a period: decisions per day by kind, the
// opt-in rate of each category and service, and the share of decisions made with GPC on.
import type { StoredEvent } from "./chain";
import type { EventAction } from "./event";

export const DECISION_KINDS = ["accept-all", "reject-all", "custom", "withdraw"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A visitor's decision by what the dashboard groups; GPC applied by the browser is not one. */
function kindOf(action: EventAction): DecisionKind | null {
  if (action === "save" || action === "switch") return "custom";
  return action === "gpc" ? null : action;
}

export interface Rate {
  id: string;
  granted: number;
  /** Decisions that said yes or no to it. */
  decided: number;
}

export interface Summary {
  /** Every day of the period, oldest first, even days without decisions (YYYY-MM-DD, UTC). */
  days: Array<{ day: string; counts: Record<DecisionKind, number> }>;
  decisions: number;
  gpcApplied: number;
  withGpc: number;
  categories: Rate[];
  services: Rate[];
}

export function summarize(
  events: Iterable<StoredEvent>,
  { days, now, categories, services }: { days: number; now: Date; categories: string[]; services: string[] },
): Summary {
  const byDay = new Map<string, Record<DecisionKind, number>>();
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let i = days - 1; i >= 0; i--)
    byDay.set(new Date(end - i * 86_400_000).toISOString().slice(0, 10), {
      "accept-all": 0,
      "reject-all": 0,
      custom: 0,
      withdraw: 0,
    });
  const rate = (ids: string[]) => new Map(ids.map((id) => [id, { id, granted: 0, decided: 0 }]));
  const cats = rate(categories);
  const svcs = rate(services);
  let decisions = 0;
  let gpcApplied = 0;
  let withGpc = 0;
  for (const e of events) {
    const kind = kindOf(e.action);
    if (!kind) {
      gpcApplied++;
      continue;
    }
    const counts = byDay.get(e.receivedAt.slice(0, 10));
    if (!counts) continue;
    counts[kind]++;
    decisions++;
    if (e.gpc) withGpc++;
    for (const [table, granted, denied] of [
      [cats, e.grantedCategories, e.deniedCategories],
      [svcs, e.grantedServices, e.deniedServices],
    ] as const) {
      for (const id of granted) {
        const r = table.get(id);
        if (!r) continue;
        r.granted++;
        r.decided++;
      }
      for (const id of denied) {
        const r = table.get(id);
        if (r) r.decided++;
      }
    }
  }
  return {
    days: [...byDay].map(([day, counts]) => ({ day, counts })),
    decisions,
    gpcApplied,
    withGpc,
    categories: [...cats.values()],
    services: [...svcs.values()],
  };
}
