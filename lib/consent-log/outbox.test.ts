import { describe, expect, it, vi } from "vitest";
import { MemoryStorage } from "../testing/memory-storage";
import type { ConsentEventInput } from "./event";
import {
  ackFor,
  createOutbox,
  EMPTY_OUTBOX,
  enqueue,
  OUTBOX_KEY,
  OUTBOX_MAX_ACKS,
  OUTBOX_MAX_EVENTS,
  readOutbox,
  type SendResult,
  settle,
} from "./outbox";
import { sampleEvent } from "./testing";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const make = (n: number) => (link: { sequence: number; previousDecisionId: string | null }) =>
  sampleEvent({ decisionId: id(n), ...link });
const ack = (e: ConsentEventInput) => ({
  decisionId: e.decisionId,
  sequence: e.sequence,
  receivedAt: "2026-11-30T10:00:01.000Z",
  hash: "d".repeat(64),
});

describe("the outbox's rules", () => {
  it("numbers events from 1 and links each to the decision before", () => {
    const a = enqueue(EMPTY_OUTBOX, make(1));
    const b = enqueue(a, make(2));
    expect(b.pending.map((e) => [e.sequence, e.previousDecisionId])).toEqual([
      [1, null],
      [2, id(1)],
    ]);
    expect(b).toMatchObject({ seq: 2, last: id(2) });
  });

  it(`keeps at most ${OUTBOX_MAX_EVENTS} events, dropping the oldest`, () => {
    let s = EMPTY_OUTBOX;
    for (let n = 1; n <= OUTBOX_MAX_EVENTS + 5; n++) s = enqueue(s, make(n));
    expect(s.pending).toHaveLength(OUTBOX_MAX_EVENTS);
    expect(s.pending[0]!.decisionId).toBe(id(6));
    expect(s.seq).toBe(OUTBOX_MAX_EVENTS + 5);
  });

  it("removes what the server acknowledged and keeps its answer for the receipt", () => {
    const s = enqueue(enqueue(EMPTY_OUTBOX, make(1)), make(2));
    const [first, second] = s.pending;
    const after = settle(s, s.pending, { kind: "stored", acks: [ack(first!)] });
    expect(after.pending).toEqual([second]);
    expect(ackFor(after, id(1))).toEqual(ack(first!));
    expect(ackFor(after, id(2))).toBeUndefined();
  });

  it(`keeps the last ${OUTBOX_MAX_ACKS} answers only`, () => {
    let s = EMPTY_OUTBOX;
    for (let n = 1; n <= 6; n++) {
      s = enqueue(s, make(n));
      s = settle(s, s.pending, { kind: "stored", acks: s.pending.map(ack) });
    }
    expect(s.acks.map((a) => a.decisionId)).toEqual([id(3), id(4), id(5), id(6)]);
  });

  it("keeps everything when the server did not take it (down, 500, 403, 429)", () => {
    const s = enqueue(EMPTY_OUTBOX, make(1));
    expect(settle(s, s.pending, { kind: "later" })).toEqual(s);
  });

  it("drops an event the server refused for what it is, and only that one", () => {
    const s = enqueue(enqueue(EMPTY_OUTBOX, make(1)), make(2));
    expect(settle(s, s.pending, { kind: "refused", index: 0 }).pending.map((e) => e.decisionId)).toEqual([id(2)]);
    expect(settle(s, s.pending, { kind: "refused" }).pending).toEqual([]);
  });

  it("reads tampered or foreign storage as an empty outbox, never throwing", () => {
    for (const raw of [
      null,
      "",
      "{",
      "[]",
      '"x"',
      "null",
      '{"seq":-4.5,"pending":[],"acks":[]}',
      '{"seq":1,"pending":"no","acks":[]}',
    ])
      expect(readOutbox(raw)).toMatchObject({ seq: 0, pending: [], acks: [] });
    // an answer the receipt could not show is left out
    expect(
      readOutbox(
        '{"seq":1,"last":null,"pending":[],"acks":[{"decisionId":"x","hash":1},{"decisionId":"y","hash":"h","receivedAt":"no"}]}',
      ).acks,
    ).toEqual([]);
  });
});

describe("createOutbox", () => {
  const setup = (results: SendResult[]) => {
    const storage = new MemoryStorage();
    const send = vi.fn(async (events: ConsentEventInput[]) => {
      const r = results.shift() ?? { kind: "later" as const };
      return r.kind === "stored" && !r.acks.length ? { kind: "stored" as const, acks: events.map(ack) } : r;
    });
    const outbox = createOutbox({ host: { localStorage: storage }, send });
    return { storage, send, outbox };
  };

  it("queues in localStorage before sending, and empties the queue once stored", async () => {
    const { storage, send, outbox } = setup([{ kind: "stored", acks: [] }]);
    outbox.add(make(1));
    expect(readOutbox(storage.getItem(OUTBOX_KEY)).pending).toHaveLength(1);
    await vi.waitFor(() => expect(readOutbox(storage.getItem(OUTBOX_KEY)).pending).toHaveLength(0));
    expect(send).toHaveBeenCalledTimes(1);
    expect(ackFor(outbox.read(), id(1))?.hash).toBe("d".repeat(64));
  });

  it("keeps an event through a failure and sends it on the next flush (next page load, back online)", async () => {
    const { storage, send, outbox } = setup([{ kind: "later" }, { kind: "stored", acks: [] }]);
    outbox.add(make(1));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(readOutbox(storage.getItem(OUTBOX_KEY)).pending).toHaveLength(1);
    // a new page view: a new outbox over the same storage
    const next = createOutbox({ host: { localStorage: storage }, send });
    await next.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0].map((e) => e.decisionId)).toEqual([id(1)]);
    expect(readOutbox(storage.getItem(OUTBOX_KEY)).pending).toHaveLength(0);
  });

  it("sends one request at a time, and what came in meanwhile right after", async () => {
    const { send, outbox } = setup([
      { kind: "stored", acks: [] },
      { kind: "stored", acks: [] },
    ]);
    outbox.add(make(1));
    outbox.add(make(2));
    await vi.waitFor(() => expect(outbox.read().pending).toHaveLength(0));
    expect(send.mock.calls.map((c) => c[0].map((e) => e.sequence))).toEqual([[1], [2]]);
  });

  it("drops a refused event and sends the rest at once", async () => {
    const { send, outbox, storage } = setup([
      { kind: "later" },
      { kind: "refused", index: 0 },
      { kind: "stored", acks: [] },
    ]);
    outbox.add(make(1));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    storage.setItem(OUTBOX_KEY, JSON.stringify(enqueue(readOutbox(storage.getItem(OUTBOX_KEY)), make(2))));
    await outbox.flush();
    expect(send.mock.calls.map((c) => c[0].map((e) => e.sequence))).toEqual([[1], [1, 2], [2]]);
    expect(outbox.read().pending).toEqual([]);
  });

  it("still sends when storage is blocked, keeping the queue in memory", async () => {
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    const send = vi.fn(async (): Promise<SendResult> => ({ kind: "later" }));
    const outbox = createOutbox({ host: blocked, send });
    expect(() => outbox.add(make(1))).not.toThrow();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(outbox.read().pending).toHaveLength(1);
  });
});
