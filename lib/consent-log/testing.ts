// Test helpers for the consent log: a valid event, and a fresh database of either engine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ConsentDb, type DbConfig, migrate, openDb } from "./db";
import type { ConsentEventInput } from "./event";

export function sampleEvent(overrides: Partial<ConsentEventInput> = {}): ConsentEventInput {
  return {
    decisionId: "0b8f3c1e-5a2d-4e7f-9c3b-1d2e3f4a5b6c",
    previousDecisionId: null,
    sequence: 1,
    action: "accept-all",
    place: "banner",
    reconsent: false,
    grantedCategories: ["analytics", "functional", "necessary", "security"],
    deniedCategories: [],
    grantedServices: ["ga4", "tiktok"],
    deniedServices: [],
    policyVersion: "1.0",
    consentRevision: 1,
    locale: "en",
    gpc: false,
    clientTime: "2026-11-30T10:00:00.000Z",
    policyHash: "a".repeat(64),
    wordingHash: "b".repeat(64),
    ...overrides,
  };
}

/** The PostgreSQL the tests may use (scripts/ci/postgres.sh starts one; .ci/run sets it). */
export const TEST_DATABASE_URL = process.env.CANDOR_TEST_DATABASE_URL?.trim() || undefined;

/** A migrated, empty log: SQLite in a temp folder, or the PostgreSQL at `url` emptied first. */
export async function testDb(url?: string): Promise<{ db: ConsentDb; config: DbConfig; close(): Promise<void> }> {
  if (url) {
    const config: DbConfig = { engine: "postgres", url };
    const db = await openDb(config);
    // a clean log for each test
    for (const table of [
      "consent_events",
      "consent_chain",
      "consent_purges",
      "kysely_migration",
      "kysely_migration_lock",
    ])
      await db.schema.dropTable(table).ifExists().execute();
    await migrate(db);
    return { db, config, close: () => db.destroy() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "candor-log-"));
  const config: DbConfig = { engine: "sqlite", file: path.join(dir, "consent-log.sqlite") };
  const db = await openDb(config);
  await migrate(db);
  return {
    db,
    config,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
