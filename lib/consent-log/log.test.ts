import { spawn } from "node:child_process";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chainEvent } from "./chain";
import { type ConsentDb, type DbConfig, openDb } from "./db";
import { appendEvents, findHistory, MAX_EVENTS_PER_DECISION, purgeBefore, Refusal, toRow, verifyLog } from "./log";
import { sampleEvent, TEST_DATABASE_URL, testDb } from "./testing";

const k = (e: { decisionId: string }) => e.decisionId.endsWith("1") || e.decisionId.endsWith("3");
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

// PostgreSQL: the suite runs too when CANDOR_TEST_DATABASE_URL names one; in CI it must (.ci/run starts one).
const engines: Array<[string, string | undefined]> = [["SQLite", undefined]];
if (TEST_DATABASE_URL) engines.push(["PostgreSQL", TEST_DATABASE_URL]);
else if (process.env.CI)
  throw new Error("CI=true but CANDOR_TEST_DATABASE_URL is not set: the PostgreSQL tests cannot run.");

describe.each(engines)("the consent log (%s)", (_engine, url) => {
  let db: ConsentDb;
  let config: DbConfig;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, config, close } = await testDb(url));
  });
  afterEach(() => close());

  const three = () =>
    appendEvents(db, [
      sampleEvent({ decisionId: id(1), sequence: 1 }),
      sampleEvent({ decisionId: id(2), previousDecisionId: id(1), sequence: 2, action: "withdraw", place: "receipt" }),
      sampleEvent({ decisionId: id(3), previousDecisionId: id(2), sequence: 3, action: "save", place: "dialog" }),
    ]);

  it("chains appended events and verifies them", async () => {
    const { events } = await three();
    expect(events.map((e) => e.event.position)).toEqual([1, 2, 3]);
    expect(events[1]!.event.prevHash).toBe(events[0]!.event.hash);
    expect(await verifyLog(db)).toMatchObject({ success: true, events: 3, head: { position: 3 } });
  });

  it("stores a replayed event once and answers with the stored one", async () => {
    const first = await appendEvents(db, [sampleEvent()]);
    const again = await appendEvents(db, [sampleEvent({ clientTime: "2026-11-30T10:05:00.000Z" })]);
    expect(again.events[0]).toEqual({ event: first.events[0]!.event, duplicate: true });
    const { n } = await db
      .selectFrom("consent_events")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });

  it("refuses more events per decision than the cap, storing none of the request", async () => {
    for (let s = 1; s <= MAX_EVENTS_PER_DECISION; s++) await appendEvents(db, [sampleEvent({ sequence: s })]);
    await expect(appendEvents(db, [sampleEvent({ decisionId: id(9) }), sampleEvent({ sequence: 99 })])).rejects.toThrow(
      Refusal,
    );
    expect(await findHistory(db, id(9))).toEqual([]);
  });

  it("names an altered event", async () => {
    await three();
    await db.updateTable("consent_events").set({ granted_services: '["ga4"]' }).where("position", "=", 2).execute();
    expect(await verifyLog(db)).toMatchObject({
      success: false,
      problem: { kind: "altered", position: 2, decisionId: id(2) },
    });
  });

  it("names a deleted event, and a deleted newest event", async () => {
    await three();
    await db.deleteFrom("consent_events").where("position", "=", 2).execute();
    expect(await verifyLog(db)).toMatchObject({ success: false, problem: { kind: "deleted", position: 2 } });
    await db.deleteFrom("consent_events").where("position", "=", 3).execute();
    expect(await verifyLog(db)).toMatchObject({ success: false, problem: { kind: "deleted", position: 2 } });
  });

  it("names the newest event deleted", async () => {
    await three();
    await db.deleteFrom("consent_events").where("position", "=", 3).execute();
    const r = await verifyLog(db);
    expect(r).toMatchObject({ success: false, problem: { kind: "deleted", position: 3 } });
  });

  it("breaks at an event inserted in the middle, even one whose own hash is right", async () => {
    const { events } = await three();
    // the forger moves event 3 up one place and writes a well-formed event 3 that links to event 2
    await sql`update consent_events set position = 4 where position = 3`.execute(db);
    const forged = chainEvent(
      { position: 2, hash: events[1]!.event.hash },
      sampleEvent({ decisionId: id(7), sequence: 9 }),
      "2026-11-30T11:00:00.000Z",
    );
    await db.insertInto("consent_events").values(toRow(forged)).execute();
    expect(await verifyLog(db)).toMatchObject({ success: false, problem: { position: 4, decisionId: id(3) } });
  });

  it("names an event added after the head", async () => {
    const { events } = await three();
    const extra = chainEvent(
      { position: 3, hash: events[2]!.event.hash },
      sampleEvent({ decisionId: id(4), sequence: 4 }),
      "2026-11-30T11:00:00.000Z",
    );
    await db.insertInto("consent_events").values(toRow(extra)).execute();
    expect(await verifyLog(db)).toMatchObject({ success: false, problem: { kind: "inserted", position: 4 } });
  });

  it("names an event whose link to its predecessor was rewritten", async () => {
    const { events } = await three();
    // a forger who recomputes event 3's hash over a new prevHash still breaks the link
    const relinked = chainEvent(
      { position: 2, hash: "c".repeat(64) },
      sampleEvent({ decisionId: id(3), sequence: 3 }),
      events[2]!.event.receivedAt,
    );
    await db.deleteFrom("consent_events").where("position", "=", 3).execute();
    await db.insertInto("consent_events").values(toRow(relinked)).execute();
    expect(await verifyLog(db)).toMatchObject({ success: false, problem: { kind: "inserted", position: 3 } });
  });

  it("follows a browser's history both ways from any of its decisions", async () => {
    await three();
    await appendEvents(db, [sampleEvent({ decisionId: id(8), sequence: 1 })]);
    for (const from of [id(1), id(2), id(3)])
      expect((await findHistory(db, from)).map((e) => e.decisionId)).toEqual([id(1), id(2), id(3)]);
  });

  it("keeps one valid chain when two connections append at the same time (two servers)", async () => {
    // SQLite's second connection must be another process (see the next test): in one process its
    // synchronous wait for the lock would block the very event loop the first connection needs to commit
    if (config.engine === "sqlite") return;
    const other = await openDb(config);
    try {
      const batch = (from: number) =>
        Array.from({ length: 25 }, (_, i) => sampleEvent({ decisionId: id(from + i), sequence: 1 }));
      await Promise.all([
        ...Array.from({ length: 4 }, (_, k) => appendEvents(db, batch(k * 100).slice(0, 5))),
        ...Array.from({ length: 4 }, (_, k) => appendEvents(other, batch(1000 + k * 100).slice(0, 5))),
        ...batch(5000).map((e) => appendEvents(k(e) ? db : other, [e])),
      ]);
      expect(await verifyLog(db)).toMatchObject({ success: true, events: 65 });
    } finally {
      await other.destroy();
    }
  });

  it("waits for another process that holds the write lock (the CLI purging), then appends", async () => {
    if (config.engine !== "sqlite") return;
    const file = config.file;
    // a separate Node process takes SQLite's write lock for 700 ms
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(file)});
         d.exec("BEGIN IMMEDIATE"); d.prepare("update consent_chain set head_position = head_position").run();
         process.stdout.write("locked"); setTimeout(() => { d.exec("COMMIT"); d.close(); }, 700);`,
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let err = "";
    holder.stderr!.on("data", (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once("data", () => resolve());
      holder.once("exit", () => reject(new Error(`The lock holder exited: ${err}`)));
    });
    const started = Date.now();
    await appendEvents(db, [sampleEvent()]);
    expect(Date.now() - started).toBeGreaterThan(300);
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(await verifyLog(db)).toMatchObject({ success: true, events: 1 });
  });

  it("keeps verifying after a purge, from the checkpoint", async () => {
    let t = Date.parse("2026-01-01T00:00:00.000Z");
    const clock = () => new Date((t += 86_400_000));
    for (let n = 1; n <= 5; n++) await appendEvents(db, [sampleEvent({ decisionId: id(n) })], clock);
    const r = await purgeBefore(db, new Date("2026-01-04T12:00:00.000Z"));
    expect(r).toMatchObject({ deleted: 3, checkpoint: { position: 3 } });
    expect(await verifyLog(db)).toMatchObject({ success: true, events: 2, start: { position: 3 } });
    await appendEvents(db, [sampleEvent({ decisionId: id(6) })], clock);
    expect(await verifyLog(db)).toMatchObject({ success: true, events: 3 });
  });
});
