import { describe, expect, it } from "vitest";
import { chainEvent, eventHash, GENESIS, GENESIS_HASH, type StoredEvent, verifyChain } from "./chain";
import { sampleEvent } from "./testing";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function build(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let head = GENESIS;
  for (let i = 1; i <= n; i++) {
    const e = chainEvent(head, sampleEvent({ decisionId: id(i), sequence: i }), `2026-11-30T10:0${i}:00.000Z`);
    out.push(e);
    head = { position: e.position, hash: e.hash };
  }
  return out;
}
const headOf = (events: StoredEvent[]) => ({ position: events.at(-1)!.position, hash: events.at(-1)!.hash });

describe("the hash chain", () => {
  it("starts from the genesis hash and links each event to the one before", () => {
    const [a, b] = build(2);
    expect(a!.prevHash).toBe(GENESIS_HASH);
    expect(b!.prevHash).toBe(a!.hash);
    expect(a!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes every field: changing any one changes the hash", () => {
    const [e] = build(1);
    const { hash, ...rest } = e!;
    for (const [key, value] of Object.entries({
      position: 2,
      receivedAt: "2026-11-30T10:09:00.000Z",
      grantedServices: ["ga4"],
      gpc: true,
      reconsent: true,
      policyHash: "c".repeat(64),
      previousDecisionId: id(9),
    }))
      expect(eventHash({ ...rest, [key]: value })).not.toBe(hash);
  });

  it("does not depend on the order the fields come in", () => {
    const [e] = build(1);
    const { hash, ...rest } = e!;
    const reversed = Object.fromEntries(Object.entries(rest).reverse()) as typeof rest;
    expect(eventHash(reversed)).toBe(hash);
  });

  it("verifies an intact chain", () => {
    const events = build(4);
    expect(verifyChain(events, GENESIS, headOf(events))).toMatchObject({ success: true, events: 4 });
  });

  it("finds an edited event", () => {
    const events = build(4);
    events[1] = { ...events[1]!, grantedCategories: ["necessary"] };
    expect(verifyChain(events, GENESIS, headOf(events))).toMatchObject({
      success: false,
      problem: { kind: "altered", position: 2, decisionId: id(2) },
    });
  });

  it("finds a deleted event", () => {
    const events = build(4);
    const head = headOf(events);
    events.splice(1, 1);
    const r = verifyChain(events, GENESIS, head);
    expect(r).toMatchObject({ success: false, problem: { kind: "deleted", position: 2 } });
    expect(!r.success && r.problem.message).toContain("Event 2 is missing");
  });

  it("finds the newest events cut off", () => {
    const events = build(4);
    expect(verifyChain(events.slice(0, 2), GENESIS, headOf(events))).toMatchObject({
      success: false,
      problem: { kind: "deleted", position: 3 },
    });
  });

  it("finds an inserted event", () => {
    const events = build(3);
    const head = headOf(events);
    // a forged event placed after event 1 that does not belong to the chain
    const forged = chainEvent(
      { position: 1, hash: "f".repeat(64) },
      sampleEvent({ decisionId: id(8) }),
      "2026-11-30T10:05:00.000Z",
    );
    const tampered = [events[0]!, forged, events[1]!, events[2]!];
    expect(verifyChain(tampered, GENESIS, head)).toMatchObject({
      success: false,
      problem: { kind: "inserted", position: 2, decisionId: id(8) },
    });
  });

  it("starts from a checkpoint after a purge", () => {
    const events = build(4);
    const checkpoint = { position: 2, hash: events[1]!.hash };
    expect(verifyChain(events.slice(2), checkpoint, headOf(events))).toMatchObject({ success: true, events: 2 });
    expect(verifyChain(events.slice(3), checkpoint, headOf(events))).toMatchObject({
      success: false,
      problem: { kind: "deleted", position: 3 },
    });
  });
});
