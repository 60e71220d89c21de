// The browser's outbox for consent events: each decision is queued in localStorage (OUTBOX_KEY, strictly
// necessary, declared in content/registry.yaml) and sent to the consent log with fetch(keepalive), so
// it survives the page being closed. Whatever the server does, the visitor's choice has already applied;
// an event stays queued until the server acknowledges it, and is sent again on the next page load and
// when the browser comes back online. The server accepts each (decisionId, sequence) once and answers a
// replay with the stored event, so sending twice (two tabs, a lost answer) stores nothing twice.
// Storage blocked: the queue lives in memory for this page view (best effort).
// Kept small on purpose: it is part of the consent client's 8 KB budget (npm run bench:size). The
// server validates every event, so a tampered queue costs one refused request, not a check here.
import type { StorageArea } from "../storage/safe";
import { storageGet, storageSet } from "../storage/safe";
import { type ConsentEventInput, EVENTS_PATH, type EventAck } from "./event";

export const OUTBOX_KEY = "candor:consent-log";
/** Events kept while the server does not answer; the oldest go first (the newest is the one in force). */
export const OUTBOX_MAX_EVENTS = 20;
/** Server answers kept for the receipt. */
export const OUTBOX_MAX_ACKS = 4;

export interface OutboxState {
  /** The last sequence number this browser used. */
  seq: number;
  /** The last decision this browser logged: the next event's previousDecisionId. */
  last: string | null;
  /** The decision whose Global Privacy Control change was already logged. */
  gpcFor?: string | null;
  pending: ConsentEventInput[];
  acks: EventAck[];
}

export const EMPTY_OUTBOX: OutboxState = { seq: 0, last: null, pending: [], acks: [] };

/** What storage holds, or an empty outbox when it holds nothing usable. */
export function readOutbox(raw: string | null): OutboxState {
  try {
    const v = JSON.parse(raw!);
    if (Number.isSafeInteger(v.seq) && Array.isArray(v.pending) && Array.isArray(v.acks))
      return {
        ...v,
        // answers are shown on the receipt: only well-formed ones
        acks: v.acks.filter((a: EventAck) => a && typeof a.hash === "string" && Date.parse(a.receivedAt) > 0),
      };
  } catch {}
  return EMPTY_OUTBOX;
}

/** Queues the event `make` builds with the next sequence number and the previous decision id. */
export function enqueue(
  state: OutboxState,
  make: (link: { sequence: number; previousDecisionId: string | null }) => ConsentEventInput,
): OutboxState {
  const event = make({ sequence: state.seq + 1, previousDecisionId: state.last });
  return {
    ...state,
    seq: event.sequence,
    last: event.decisionId,
    pending: [...state.pending, event].slice(-OUTBOX_MAX_EVENTS),
  };
}

const same = (a: { decisionId: string; sequence: number }) => (b: { decisionId: string; sequence: number }) =>
  a.decisionId === b.decisionId && a.sequence === b.sequence;

export type SendResult =
  /** 200: what the server holds now. */
  | { kind: "stored"; acks: EventAck[] }
  /** 400/422: refused for what it is; sending it again cannot help. `index`: the one event refused. */
  | { kind: "refused"; index?: number }
  /** No answer, 403, 413, 429, 5xx…: keep everything and try again later. */
  | { kind: "later" };

/** The outbox after the server answered for `sent`. */
export function settle(state: OutboxState, sent: ConsentEventInput[], result: SendResult): OutboxState {
  if (result.kind === "later") return state;
  const acks = result.kind === "stored" ? result.acks : [];
  const gone =
    result.kind === "stored"
      ? sent.filter((e) => acks.some(same(e)))
      : result.index === undefined
        ? sent
        : sent.slice(result.index, result.index + 1);
  return {
    ...state,
    pending: state.pending.filter((e) => !gone.some(same(e))),
    acks: [...state.acks.filter((a) => !acks.some(same(a))), ...acks].slice(-OUTBOX_MAX_ACKS),
  };
}

/** The server's answer for the decision with this id, if it has given one. */
export const ackFor = (state: OutboxState, decisionId: string): EventAck | undefined =>
  state.acks.findLast((a) => a.decisionId === decisionId);

async function postEvents(events: ConsentEventInput[]): Promise<SendResult> {
  try {
    const res = await fetch(EVENTS_PATH, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ events }),
      // sent even if the page is closing (a withdrawal reloads it)
      keepalive: true,
      credentials: "omit",
    });
    const body = await res.json();
    if (res.ok) return { kind: "stored", acks: body.events || [] };
    if (res.status === 400 || res.status === 422) return { kind: "refused", index: body.index };
  } catch {}
  return { kind: "later" };
}

export interface Outbox {
  /** Queues an event and sends it now; never throws and never waits. */
  add(make: Parameters<typeof enqueue>[1], gpcFor?: string): void;
  /** Sends whatever is queued (one request at a time). */
  flush(): Promise<void>;
  read(): OutboxState;
  subscribe(listener: () => void): () => void;
}

export function createOutbox({
  host,
  send = postEvents,
}: {
  host?: Partial<Record<StorageArea, Storage>>;
  send?: (events: ConsentEventInput[]) => Promise<SendResult>;
} = {}): Outbox {
  const listeners = new Set<() => void>();
  // what this page view wrote last: used while storage can be neither read nor written
  let memory = EMPTY_OUTBOX;
  let sending = false;
  let again = false;

  const read = (): OutboxState => {
    const raw = storageGet("localStorage", OUTBOX_KEY, host);
    return raw.success && raw.value ? readOutbox(raw.value) : memory;
  };
  const write = (next: OutboxState) => {
    memory = next;
    storageSet("localStorage", OUTBOX_KEY, JSON.stringify(next), host);
    for (const l of listeners) l();
  };

  const flush = async (): Promise<void> => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    // a refused event is dropped and the rest go again at once: at most one round per queued event
    for (let round = 0, result: SendResult; round < OUTBOX_MAX_EVENTS; round++) {
      const batch = read().pending;
      if (!batch.length) break;
      result = await send(batch);
      write(settle(read(), batch, result));
      if (result.kind !== "refused") break;
    }
    sending = false;
    if (again) {
      again = false;
      return flush();
    }
  };

  return {
    add(make, gpcFor) {
      const next = enqueue(read(), make);
      write(gpcFor ? { ...next, gpcFor } : next);
      void flush();
    },
    flush,
    read,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
