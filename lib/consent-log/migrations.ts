// The consent log's schema, for SQLite and PostgreSQL alike: column types both engines share (text,
// integer), times as ISO 8601 text, booleans as 0/1. Add a migration; never edit a published one.
import { type Kysely, type Migration, sql } from "kysely";
import { GENESIS_HASH } from "./chain";

export const migrations: Record<string, Migration> = {
  "001-consent-log": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("consent_events")
        .addColumn("position", "integer", (c) => c.primaryKey())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .addColumn("decision_id", "text", (c) => c.notNull())
        .addColumn("previous_decision_id", "text")
        .addColumn("sequence", "integer", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("place", "text", (c) => c.notNull())
        .addColumn("reconsent", "integer", (c) => c.notNull())
        .addColumn("granted_categories", "text", (c) => c.notNull())
        .addColumn("denied_categories", "text", (c) => c.notNull())
        .addColumn("granted_services", "text", (c) => c.notNull())
        .addColumn("denied_services", "text", (c) => c.notNull())
        .addColumn("policy_version", "text", (c) => c.notNull())
        .addColumn("consent_revision", "integer", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("gpc", "integer", (c) => c.notNull())
        .addColumn("client_time", "text", (c) => c.notNull())
        .addColumn("policy_hash", "text", (c) => c.notNull())
        .addColumn("wording_hash", "text", (c) => c.notNull())
        // exactly once: a replay of the same event finds it here
        .addUniqueConstraint("consent_events_decision_sequence", ["decision_id", "sequence"])
        .execute();
      await db.schema
        .createIndex("consent_events_previous")
        .on("consent_events")
        .column("previous_decision_id")
        .execute();
      await db.schema.createIndex("consent_events_received").on("consent_events").column("received_at").execute();
      await db.schema
        .createTable("consent_chain")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("head_position", "integer", (c) => c.notNull())
        .addColumn("head_hash", "text", (c) => c.notNull())
        .addColumn("start_position", "integer", (c) => c.notNull())
        .addColumn("start_hash", "text", (c) => c.notNull())
        .execute();
      await sql`insert into consent_chain (id, head_position, head_hash, start_position, start_hash)
                values (1, 0, ${GENESIS_HASH}, 0, ${GENESIS_HASH})`.execute(db);
      await db.schema
        .createTable("consent_purges")
        .addColumn("position", "integer", (c) => c.primaryKey())
        .addColumn("purged_at", "text", (c) => c.notNull())
        .addColumn("cutoff", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .addColumn("deleted", "integer", (c) => c.notNull())
        .execute();
    },
  },
};
