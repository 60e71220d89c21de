// The consent store: the one owner of the visitor's consent in the browser. Pure TypeScript, no React;
// the provider creates one per page and passes it down. Subscribers (banner, switches, inspector,
// vendor loaders) read getState() and are told of every change.
import type { ClientItem, ClientRegistry } from "../registry/client";
import type { StorageArea } from "../storage/safe";
import { storageGet, storageRemove, storageSet } from "../storage/safe";
import type { Choices } from "./choices";
import * as rules from "./choices";
import { type BrowserEnv, deleteItems } from "./cleanup";
import {
  addLifetime,
  type ConsentMethod,
  type ConsentRecord,
  DEFAULT_LIFETIME,
  type Lifetime,
  RECORD_KEY,
  RECORD_SCHEMA,
  type RecordReading,
  randomConsentId,
  readRecord,
  serializeRecord,
} from "./record";

/** Why there is no decision: nothing stored, or a stored record that does not count. */
type UndecidedReason = "none" | "unreadable" | "invalid" | "expired" | "outdated";

export interface ConsentState {
  status: "undecided" | "decided";
  /** Every registry category; required ones always true. */
  categories: Record<string, boolean>;
  /** Every registry service, true only when its category is on too. */
  services: Record<string, boolean>;
  /** Whether the current decision is stored (false: it holds for this page view only). */
  persisted: boolean;
  /** Global Privacy Control is on in this browser. */
  gpc: boolean;
  /** The decision in force, or null while undecided. */
  record: ConsentRecord | null;
  /** Set while undecided. */
  undecidedReason: UndecidedReason | null;
}

export interface ConsentStoreOptions {
  registry: Pick<ClientRegistry, "categories" | "services" | "items">;
  /** The policy's consentRevision: records answering an older one ask again. */
  revision: number;
  /** The policy version, kept in the record for the receipt. */
  policyVersion: string;
  /** navigator.globalPrivacyControl */
  gpc?: boolean;
  /** How long a decision holds. Default: 6 months. */
  lifetime?: Lifetime;
  now?: () => number;
  randomId?: () => string;
  /** Where the record lives and what cleanup touches; the real browser by default. */
  env?: BrowserEnv;
  /** Told of each decision made through this store (not of ones read back from storage), before its
   * subscribers: the consent log queues its event here, so a reload by a subscriber cannot lose it. */
  onDecision?(record: ConsentRecord, kind: DecisionKind, before: ConsentState, after: ConsentState): void;
}

/** Which call made a decision. */
export type DecisionKind = "acceptAll" | "rejectAll" | "save" | "setCategory" | "setService" | "withdrawAll";

export interface ConsentStore {
  getState(): ConsentState;
  subscribe(listener: (state: ConsentState) => void): () => void;
  isCategoryGranted(id: string): boolean;
  isServiceGranted(id: string): boolean;
  acceptAll(method: ConsentMethod): void;
  rejectAll(method: ConsentMethod): void;
  setCategory(id: string, on: boolean, method: ConsentMethod): void;
  setService(id: string, on: boolean, method: ConsentMethod): void;
  save(choices: Partial<Choices>, method: ConsentMethod): void;
  /** Refuses everything that is not required, deletes it, and records that. */
  withdrawAll(): void;
  /** Re-reads the stored record (another tab changed it, someone deleted it). */
  refresh(): void;
  /** Deletes whatever the decision in force does not allow (run once the page is up). */
  sweep(): string[];
}

const AREA: StorageArea = "localStorage";

// A factory whose length is the store's methods (each short); they share the record and the listeners
// in its closure, which is what keeps the store free of module-level state.
export function createConsentStore(options: ConsentStoreOptions): ConsentStore {
  const { registry: reg, revision, policyVersion, gpc = false, lifetime = DEFAULT_LIFETIME, env = {} } = options;
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? (() => randomConsentId());
  const listeners = new Set<(state: ConsentState) => void>();

  const undecided = (reason: UndecidedReason): ConsentState => ({
    status: "undecided",
    ...rules.noneGranted(reg),
    persisted: false,
    gpc,
    record: null,
    undecidedReason: reason,
  });

  const fromReading = (reading: RecordReading): ConsentState => {
    if (reading.status !== "valid") return undecided(reading.status);
    const { record } = reading;
    let choices = rules.normalise(reg, record);
    // consent given without GPC does not outlast a GPC signal for advertising services
    if (gpc && !record.gpc) {
      for (const s of reg.services) if (s.advertising) choices = rules.setService(reg, choices, s.id, false);
    }
    return {
      status: "decided",
      categories: choices.categories,
      services: effectiveServices(choices),
      persisted: true,
      gpc,
      record,
      undecidedReason: null,
    };
  };

  const effectiveServices = (choices: Choices) =>
    Object.fromEntries(reg.services.map((s) => [s.id, rules.isServiceOn(reg, choices, s.id)]));

  const read = (): { success: true; state: ConsentState } | { success: false } => {
    const raw = storageGet(AREA, RECORD_KEY, env.host);
    if (!raw.success) return { success: false };
    return { success: true, state: fromReading(readRecord(raw.value, now(), revision)) };
  };

  let state: ConsentState = (() => {
    const r = read();
    return r.success ? r.state : undecided("unreadable");
  })();

  const choicesOf = (s: ConsentState): Choices => ({ categories: s.categories, services: s.services });

  /** Items allowed before and not after are deleted; once decided, everything not allowed goes. */
  const cleanup = (prev: ConsentState, next: ConsentState): string[] => {
    const doomed: ClientItem[] = [];
    for (const item of options.registry.items) {
      if (rules.isItemAllowed(reg, choicesOf(next), item)) continue;
      if (next.status === "decided" || rules.isItemAllowed(reg, choicesOf(prev), item)) doomed.push(item);
    }
    return doomed.length ? deleteItems(doomed, env) : [];
  };

  const commit = (next: ConsentState) => {
    const prev = state;
    if (sameState(prev, next)) return;
    state = next;
    cleanup(prev, next);
    // every subscriber hears of the change even if one throws (a vendor's code runs inside the loaders'
    // subscriber); the failure is then passed on to the caller, not swallowed
    const failures: unknown[] = [];
    for (const l of [...listeners]) {
      try {
        l(state);
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, "Consent subscribers failed.");
  };

  const decide = (choices: Choices, method: ConsentMethod, kind: DecisionKind) => {
    const decidedAt = new Date(now());
    const record: ConsentRecord = {
      schema: RECORD_SCHEMA,
      id: randomId(),
      decidedAt: decidedAt.toISOString(),
      expiresAt: addLifetime(decidedAt, lifetime).toISOString(),
      revision,
      policyVersion,
      categories: { ...choices.categories },
      services: { ...choices.services },
      gpc,
      method,
    };
    const saved = storageSet(AREA, RECORD_KEY, serializeRecord(record), env.host);
    // A choice that cannot be stored must not leave an older one behind to speak for the visitor on the
    // next page view (a withdrawal's reload would read back the consent just withdrawn).
    if (!saved.success) storageRemove(AREA, RECORD_KEY, env.host);
    const next: ConsentState = {
      status: "decided",
      categories: choices.categories,
      services: effectiveServices(choices),
      persisted: saved.success,
      gpc,
      record,
      undecidedReason: null,
    };
    options.onDecision?.(record, kind, state, next);
    commit(next);
  };

  const current = (): Choices => (state.status === "decided" ? choicesOf(state) : rules.noneGranted(reg));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    // while undecided the choices are noneGranted(): only the required categories
    isCategoryGranted: (id) => rules.isCategoryOn(reg, choicesOf(state), id),
    isServiceGranted: (id) => state.status === "decided" && rules.isServiceOn(reg, choicesOf(state), id),
    acceptAll: (method) => decide(rules.allGranted(reg, gpc, current()), method, "acceptAll"),
    rejectAll: (method) => decide(rules.noneGranted(reg), method, "rejectAll"),
    setCategory: (id, on, method) => decide(rules.setCategory(reg, current(), id, on), method, "setCategory"),
    setService: (id, on, method) => decide(rules.setService(reg, current(), id, on), method, "setService"),
    save: (choices, method) => decide(rules.normalise(reg, choices), method, "save"),
    withdrawAll: () => decide(rules.noneGranted(reg), "withdraw", "withdrawAll"),
    refresh() {
      const r = read();
      // storage unreadable: keep what this page view knows
      if (!r.success) return;
      // a choice that could not be stored is not undone by finding nothing stored
      if (
        r.state.status === "undecided" &&
        r.state.undecidedReason === "none" &&
        state.status === "decided" &&
        !state.persisted
      )
        return;
      commit(r.state);
    },
    sweep: () => (state.status === "decided" ? cleanup(state, state) : []),
  };
}

/** Choices follow from the record (every decision gets a new random id), so the id stands for them. */
function sameState(a: ConsentState, b: ConsentState): boolean {
  return (
    a.status === b.status &&
    a.persisted === b.persisted &&
    a.undecidedReason === b.undecidedReason &&
    a.record?.id === b.record?.id
  );
}
