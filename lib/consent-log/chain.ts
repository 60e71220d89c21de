// The hash chain that makes the consent log tamper-evident. Each stored event carries its position in
// the log, the hash of the event before it, and its own hash over the canonical encoding of all of that
// and its content; the chain head (position and hash of the newest event) is kept beside the events.
// Editing an event breaks its hash, deleting one leaves a gap and a broken link, inserting one breaks the
// link of the event after it, and cutting off the newest ones no longer reaches the head.
// Server and CLI only (node:crypto).
import { createHash } from "node:crypto";
import { canonicalize } from "./canonical";
import type { ConsentEventInput } from "./event";

export const GENESIS_HASH = "0".repeat(64);

/** An event as the log holds it. */
export interface StoredEvent extends ConsentEventInput {
  /** 1, 2, 3… in the order the log accepted them, across every browser. */
  position: number;
  /** The server's clock when it stored the event (ISO 8601, UTC). */
  receivedAt: string;
  prevHash: string;
  hash: string;
}

/** Everything hashed: the stored event without its own hash, under a version tag. */
export function eventHash(event: Omit<StoredEvent, "hash">): string {
  const body = canonicalize({
    v: 1,
    position: event.position,
    receivedAt: event.receivedAt,
    prevHash: event.prevHash,
    decisionId: event.decisionId,
    previousDecisionId: event.previousDecisionId,
    sequence: event.sequence,
    action: event.action,
    place: event.place,
    reconsent: event.reconsent,
    grantedCategories: event.grantedCategories,
    deniedCategories: event.deniedCategories,
    grantedServices: event.grantedServices,
    deniedServices: event.deniedServices,
    policyVersion: event.policyVersion,
    consentRevision: event.consentRevision,
    locale: event.locale,
    gpc: event.gpc,
    clientTime: event.clientTime,
    policyHash: event.policyHash,
    wordingHash: event.wordingHash,
  });
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/** Where the chain starts: the genesis, or the checkpoint the last purge left. */
export interface ChainStart {
  position: number;
  hash: string;
}

export const GENESIS: ChainStart = { position: 0, hash: GENESIS_HASH };

/** The next event in the chain after `head`. */
export function chainEvent(head: ChainStart, input: ConsentEventInput, receivedAt: string): StoredEvent {
  const unhashed = { ...input, position: head.position + 1, receivedAt, prevHash: head.hash };
  return { ...unhashed, hash: eventHash(unhashed) };
}

export type ChainProblem =
  | { kind: "altered"; position: number; decisionId: string; message: string }
  /** decisionId: absent when the intruder is only known by its position (after the head) */
  | { kind: "inserted"; position: number; decisionId?: string; message: string }
  | { kind: "deleted"; position: number; message: string }
  | { kind: "head"; position: number; message: string };

export type VerifyResult =
  | { success: true; events: number; start: ChainStart; head: ChainStart }
  | { success: false; events: number; problem: ChainProblem };

/**
 * Walks events in position order from `start`, and checks that the last one is the recorded head.
 * Reports the first problem only: everything after a break is unproven anyway.
 */
export function verifyChain(events: Iterable<StoredEvent>, start: ChainStart, head: ChainStart): VerifyResult {
  const walker = chainWalker(start);
  for (const e of events) {
    const problem = walker.next(e);
    if (problem) return { success: false, events: walker.count(), problem };
  }
  return walker.finish(head);
}

/** The same walk one event at a time, for logs too large to hold in memory. */
export function chainWalker(start: ChainStart) {
  let prev = start;
  let count = 0;
  return {
    count: () => count,
    next(e: StoredEvent): ChainProblem | null {
      const { hash: stored, ...rest } = e;
      const ownHashHolds = eventHash(rest) === stored;
      if (e.position > prev.position + 1) {
        const first = prev.position + 1;
        const last = e.position - 1;
        return {
          kind: "deleted",
          position: first,
          message:
            first === last
              ? `Event ${first} is missing: deleted (event ${e.position} follows event ${prev.position}).`
              : `Events ${first} to ${last} are missing: deleted (event ${e.position} follows event ${prev.position}).`,
        };
      }
      if (!ownHashHolds) {
        return {
          kind: "altered",
          position: e.position,
          decisionId: e.decisionId,
          message: `Event ${e.position} (decision ${e.decisionId}) was altered: its content no longer gives its hash.`,
        };
      }
      if (e.position !== prev.position + 1 || e.prevHash !== prev.hash) {
        return {
          kind: "inserted",
          position: e.position,
          decisionId: e.decisionId,
          message: `Event ${e.position} (decision ${e.decisionId}) does not link to event ${prev.position} before it: one of the two was inserted or replaced.`,
        };
      }
      prev = { position: e.position, hash: e.hash };
      count++;
      return null;
    },
    finish(head: ChainStart): VerifyResult {
      if (prev.position === head.position && prev.hash === head.hash)
        return { success: true, events: count, start, head };
      if (prev.position < head.position)
        return {
          success: false,
          events: count,
          problem: {
            kind: "deleted",
            position: prev.position + 1,
            message: `The newest events are missing: deleted (the log ends at event ${prev.position}, its head says ${head.position}).`,
          },
        };
      return {
        success: false,
        events: count,
        problem: {
          kind: prev.position > head.position ? "inserted" : "head",
          position: prev.position,
          message:
            prev.position > head.position
              ? `Event ${head.position + 1} and later were inserted after the head of the log (event ${head.position}).`
              : `The newest event ${prev.position} is not the one the head of the log records: altered or replaced.`,
        },
      };
    },
  };
}
