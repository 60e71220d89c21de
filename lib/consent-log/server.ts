// The server process's one connection to the consent log: opened and migrated on first use (or at start,
// by instrumentation.ts), reopened on the next request if opening failed (a database that was down).
import { type ConsentDb, dbConfig, describeDb, migrate, openDb } from "./db";

let opening: Promise<ConsentDb> | null = null;

export function consentLog(): Promise<ConsentDb> {
  if (!opening) {
    opening = (async () => {
      const config = dbConfig();
      const db = await openDb(config);
      try {
        const applied = await migrate(db);
        if (applied.length) console.log(`consent log: ${describeDb(config)}, migrated: ${applied.join(", ")}`);
        return db;
      } catch (e) {
        await db.destroy().catch(() => undefined);
        throw e;
      }
    })();
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}
