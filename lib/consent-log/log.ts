// The consent log's operations over either database: append (the API's only write), find, export,
// verify and purge (the CLI and the dashboard). Appends are serialized in the database itself: each
// transaction first updates the one chain row, which takes SQLite's write lock or PostgreSQL's row lock,
// so two servers on one PostgreSQL (or a server and the CLI on one SQLite file) extend one valid chain.
import { type Selectable, sql, type Transaction } from "kysely";
import { type ChainStart, chainEvent, chainWalker, type StoredEvent, type VerifyResult } from "./chain";
import type { ConsentDb, ConsentLogSchema, EventsTable } from "./db";
import type { ConsentEventInput, EventAction, EventPlace } from "./event";

/** Events one decision may have (its own, GPC applied later, and room for honest retries with new
 * sequence numbers); more is abuse. */
export const MAX_EVENTS_PER_DECISION = 8;

type Row = Selectable<EventsTable>;
type Trx = Transaction<ConsentLogSchema>;

export function toRow(e: StoredEvent): Row {
  return {
    position: e.position,
    received_at: e.receivedAt,
    prev_hash: e.prevHash,
    hash: e.hash,
    decision_id: e.decisionId,
    previous_decision_id: e.previousDecisionId,
    sequence: e.sequence,
    action: e.action,
    place: e.place,
    reconsent: e.reconsent ? 1 : 0,
    granted_categories: JSON.stringify(e.grantedCategories),
    denied_categories: JSON.stringify(e.deniedCategories),
    granted_services: JSON.stringify(e.grantedServices),
    denied_services: JSON.stringify(e.deniedServices),
    policy_version: e.policyVersion,
    consent_revision: e.consentRevision,
    locale: e.locale,
    gpc: e.gpc ? 1 : 0,
    client_time: e.clientTime,
    policy_hash: e.policyHash,
    wording_hash: e.wordingHash,
  };
}

const ids = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    // an edited row is reported by verify through its hash; here it reads as no ids
    return [];
  }
};

function fromRow(r: Row): StoredEvent {
  return {
    position: Number(r.position),
    receivedAt: r.received_at,
    prevHash: r.prev_hash,
    hash: r.hash,
    decisionId: r.decision_id,
    previousDecisionId: r.previous_decision_id,
    sequence: Number(r.sequence),
    action: r.action as EventAction,
    place: r.place as EventPlace,
    reconsent: Number(r.reconsent) === 1,
    grantedCategories: ids(r.granted_categories),
    deniedCategories: ids(r.denied_categories),
    grantedServices: ids(r.granted_services),
    deniedServices: ids(r.denied_services),
    policyVersion: r.policy_version,
    consentRevision: Number(r.consent_revision),
    locale: r.locale,
    gpc: Number(r.gpc) === 1,
    clientTime: r.client_time,
    policyHash: r.policy_hash,
    wordingHash: r.wording_hash,
  };
}

/** An event the log will not take; the whole request is rolled back. */
export class Refusal extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/** Takes the chain's lock for this transaction and reads its head. */
async function lockHead(trx: Trx): Promise<ChainStart & { start: ChainStart }> {
  const row = await trx
    .updateTable("consent_chain")
    .set({ head_position: sql`head_position` })
    .where("id", "=", 1)
    .returning(["head_position", "head_hash", "start_position", "start_hash"])
    .executeTakeFirstOrThrow();
  return {
    position: Number(row.head_position),
    hash: row.head_hash,
    start: { position: Number(row.start_position), hash: row.start_hash },
  };
}

export interface AppendResult {
  /** One per event sent, in order: the stored event (a replay gets the one stored before). */
  events: Array<{ event: StoredEvent; duplicate: boolean }>;
}

/** Appends events in one transaction, each exactly once. Throws Refusal for an event over the cap. */
export async function appendEvents(
  db: ConsentDb,
  inputs: ConsentEventInput[],
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  return db.transaction().execute(async (trx) => {
    let head: ChainStart = await lockHead(trx);
    const out: AppendResult["events"] = [];
    for (const [i, input] of inputs.entries()) {
      const existing = await trx
        .selectFrom("consent_events")
        .selectAll()
        .where("decision_id", "=", input.decisionId)
        .where("sequence", "=", input.sequence)
        .executeTakeFirst();
      if (existing) {
        out.push({ event: fromRow(existing), duplicate: true });
        continue;
      }
      const { n } = await trx
        .selectFrom("consent_events")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("decision_id", "=", input.decisionId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_EVENTS_PER_DECISION)
        throw new Refusal(i, `Decision ${input.decisionId} already has ${MAX_EVENTS_PER_DECISION} events.`);
      // the receive time is taken under the lock, so it never runs backwards along the chain on one clock
      const event = chainEvent(head, input, now().toISOString());
      await trx.insertInto("consent_events").values(toRow(event)).execute();
      head = { position: event.position, hash: event.hash };
      out.push({ event, duplicate: false });
    }
    await trx
      .updateTable("consent_chain")
      .set({ head_position: head.position, head_hash: head.hash })
      .where("id", "=", 1)
      .execute();
    return { events: out };
  });
}

/** The most events find follows, so a crafted loop of ids cannot make it walk for ever. */
const MAX_HISTORY = 1000;

/**
 * The whole history of the browser that made `decisionId`: the decisions before it (following
 * previousDecisionId back) and after it (those naming it as their previous one), oldest first.
 */
export async function findHistory(db: ConsentDb, decisionId: string): Promise<StoredEvent[]> {
  const seen = new Set<string>();
  const byPosition = new Map<number, StoredEvent>();
  let frontier = [decisionId];
  while (frontier.length && byPosition.size < MAX_HISTORY) {
    for (const id of frontier) seen.add(id);
    const rows = await db
      .selectFrom("consent_events")
      .selectAll()
      .where((eb) => eb.or([eb("decision_id", "in", frontier), eb("previous_decision_id", "in", frontier)]))
      .orderBy("position")
      .limit(MAX_HISTORY)
      .execute();
    const next = new Set<string>();
    for (const r of rows) {
      const e = fromRow(r);
      byPosition.set(e.position, e);
      for (const id of [e.decisionId, e.previousDecisionId]) if (id && !seen.has(id)) next.add(id);
    }
    frontier = [...next];
  }
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
}

/** Events in chain order, a page at a time (the log may be larger than memory). */
export async function* eachEvent(
  db: ConsentDb,
  { since, until, page = 1000 }: { since?: string; until?: string; page?: number } = {},
): AsyncGenerator<StoredEvent> {
  let after = -1;
  for (;;) {
    let q = db.selectFrom("consent_events").selectAll().where("position", ">", after);
    if (since) q = q.where("received_at", ">=", since);
    if (until) q = q.where("received_at", "<", until);
    const rows = await q.orderBy("position").limit(page).execute();
    for (const r of rows) yield fromRow(r);
    if (rows.length < page) return;
    after = Number(rows[rows.length - 1]!.position);
  }
}

export async function readChain(db: ConsentDb): Promise<{ start: ChainStart; head: ChainStart }> {
  const row = await db.selectFrom("consent_chain").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
  return {
    start: { position: Number(row.start_position), hash: row.start_hash },
    head: { position: Number(row.head_position), hash: row.head_hash },
  };
}

/** Walks the whole chain from its start (genesis or the last purge's checkpoint) to its head. */
export async function verifyLog(db: ConsentDb): Promise<VerifyResult> {
  const { start, head } = await readChain(db);
  const walker = chainWalker(start);
  for await (const e of eachEvent(db)) {
    const problem = walker.next(e);
    if (problem) return { success: false, events: walker.count(), problem };
  }
  return walker.finish(head);
}

/** Checks only the part of the chain a history touches: each event's own hash and its link to the
 * event before it in the log. */
export async function verifyEvents(
  db: ConsentDb,
  events: StoredEvent[],
): Promise<Array<{ position: number; ok: boolean; message: string }>> {
  const out = [];
  for (const e of events) {
    const walker = chainWalker(await predecessor(db, e.position));
    const problem = walker.next(e);
    out.push({ position: e.position, ok: !problem, message: problem?.message ?? "Hash and link hold." });
  }
  return out;
}

async function predecessor(db: ConsentDb, position: number): Promise<ChainStart> {
  const prev = await db
    .selectFrom("consent_events")
    .select(["position", "hash"])
    .where("position", "=", position - 1)
    .executeTakeFirst();
  if (prev) return { position: Number(prev.position), hash: prev.hash };
  const { start } = await readChain(db);
  // the event after a purge links to the checkpoint; anything else has lost its predecessor
  return start.position === position - 1 ? start : { position: position - 1, hash: "(missing)" };
}

export interface PurgeResult {
  deleted: number;
  checkpoint: ChainStart | null;
  cutoff: string;
}

/**
 * Deletes the events received before `cutoff` and records the last deleted one as the chain's new start
 * (a checkpoint), so the events kept still verify. Runs under the chain's lock.
 */
export async function purgeBefore(db: ConsentDb, cutoff: Date, now: Date = new Date()): Promise<PurgeResult> {
  const cut = cutoff.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockHead(trx);
    const last = await trx
      .selectFrom("consent_events")
      .select(["position", "hash"])
      .where("received_at", "<", cut)
      .orderBy("position", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!last) return { deleted: 0, checkpoint: null, cutoff: cut };
    const checkpoint = { position: Number(last.position), hash: last.hash };
    const { numDeletedRows } = await trx
      .deleteFrom("consent_events")
      .where("position", "<=", checkpoint.position)
      .executeTakeFirst();
    const deleted = Number(numDeletedRows);
    await trx
      .updateTable("consent_chain")
      .set({ start_position: checkpoint.position, start_hash: checkpoint.hash })
      .where("id", "=", 1)
      .execute();
    await trx
      .insertInto("consent_purges")
      .values({
        purged_at: now.toISOString(),
        cutoff: cut,
        position: checkpoint.position,
        hash: checkpoint.hash,
        deleted,
      })
      .execute();
    return { deleted, checkpoint, cutoff: cut };
  });
}

const DEFAULT_RETENTION_DAYS = 1825;

/** CONSENT_RETENTION_DAYS, or the default of five years; anything but a positive whole number is an error. */
export function retentionDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CONSENT_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  if (!/^[1-9]\d{0,5}$/.test(raw))
    throw new Error(`CONSENT_RETENTION_DAYS must be a whole number of days, such as 1825 (it is "${raw}").`);
  return Number(raw);
}
