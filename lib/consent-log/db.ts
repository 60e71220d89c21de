// The consent log's database: SQLite (better-sqlite3, WAL) in CANDOR_DATA_DIR by default, PostgreSQL
// when DATABASE_URL is a postgres:// address. Kysely speaks both, so there is one schema and one set of
// migrations (migrations.ts) and one set of queries (log.ts). Server and CLI only.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import { migrations } from "./migrations";

export interface EventsTable {
  position: number;
  received_at: string;
  prev_hash: string;
  hash: string;
  decision_id: string;
  previous_decision_id: string | null;
  sequence: number;
  action: string;
  place: string;
  /** 0 or 1: SQLite has no boolean, and one schema serves both engines. */
  reconsent: number;
  /** JSON arrays of ids, as text. */
  granted_categories: string;
  denied_categories: string;
  granted_services: string;
  denied_services: string;
  policy_version: string;
  consent_revision: number;
  locale: string;
  gpc: number;
  client_time: string;
  policy_hash: string;
  wording_hash: string;
}

/** One row (id 1): the chain's newest event and where it starts (genesis, or the last purge's checkpoint). */
interface ChainTable {
  id: number;
  head_position: number;
  head_hash: string;
  start_position: number;
  start_hash: string;
}

/** One row per purge; `position` (the checkpoint) only grows, so it is the key. */
interface PurgesTable {
  purged_at: string;
  /** Events received before this time were deleted. */
  cutoff: string;
  /** The checkpoint: the last deleted event, which the first kept one links to. */
  position: number;
  hash: string;
  deleted: number;
}

export interface ConsentLogSchema {
  consent_events: EventsTable;
  consent_chain: ChainTable;
  consent_purges: PurgesTable;
}

export type ConsentDb = Kysely<ConsentLogSchema>;

export type DbConfig = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

const DEFAULT_DATA_DIR = ".data";
const SQLITE_FILE = "consent-log.sqlite";

type Env = Record<string, string | undefined>;

/** Which database the environment names; a DATABASE_URL that is not PostgreSQL's is an error, not ignored. */
export function dbConfig(env: Env = process.env, cwd = process.cwd()): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error("DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database).");
    return { engine: "postgres", url };
  }
  const dir = path.resolve(cwd, env.CANDOR_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  return { engine: "sqlite", file: path.join(dir, SQLITE_FILE) };
}

/** Where the log is, for messages (never the password). */
export function describeDb(config: DbConfig): string {
  if (config.engine === "sqlite") return `SQLite ${config.file}`;
  const u = new URL(config.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export async function openDb(config: DbConfig): Promise<ConsentDb> {
  if (config.engine === "postgres") {
    const { Pool } = await import("pg");
    return new Kysely<ConsentLogSchema>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: config.url, max: 10 }) }),
    });
  }
  const { default: Database } = await import("better-sqlite3");
  mkdirSync(path.dirname(config.file), { recursive: true });
  return new Kysely<ConsentLogSchema>({
    dialect: new SqliteDialect({
      database: async () => {
        const db = new Database(config.file);
        // WAL: readers (the CLI, the dashboard) never block the writer and the other way round.
        db.pragma("journal_mode = WAL");
        // FULL: a commit is on disk before it returns, so an acknowledged event survives a power cut.
        db.pragma("synchronous = FULL");
        // another process (a second server, consent:purge) holding the write lock: wait, do not fail
        db.pragma("busy_timeout = 10000");
        return db;
      },
    }),
  });
}

/** Brings the schema up to date. PostgreSQL: Kysely's migrator takes an advisory lock, so several
 * servers starting at once migrate once. SQLite has no such lock across processes: one that loses the
 * race finds the work done when it tries again. */
export async function migrate(db: ConsentDb): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
    if (attempt >= 3) throw error;
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
}
