// The legal team's tools for the consent log (README: "The consent log"):
//   npm run consent:find -- <decision-id>          one browser's whole history, with hashes and chain checks
//   npm run consent:export -- [--since ISO] [--until ISO] [--format jsonl|csv]   to stdout
//   npm run consent:verify                         walks the chain; exit 1 names the first broken event
//   npm run consent:purge                          deletes events older than CONSENT_RETENTION_DAYS
//   npm run db:migrate                             brings the schema up to date (the server does it at start too)
// The database is the site's: CANDOR_DATA_DIR (SQLite, default .data/) or DATABASE_URL (PostgreSQL).
import { parseArgs } from "node:util";
import { isIsoUtc } from "../../lib/consent/record";
import { type ConsentDb, dbConfig, describeDb, migrate, openDb } from "../../lib/consent-log/db";
import { csvHeader, csvRow, exportFormats, jsonLine } from "../../lib/consent-log/export";
import {
  eachEvent,
  findHistory,
  purgeBefore,
  readChain,
  retentionDays,
  verifyEvents,
  verifyLog,
} from "../../lib/consent-log/log";
import { runWhenMain } from "../cli";

const USAGE = `Usage:
  consent find <decision-id> [--json]
  consent export [--since ISO] [--until ISO] [--format jsonl|csv]
  consent verify
  consent purge
  consent migrate`;

class UsageError extends Error {}

function write(text: string): Promise<void> {
  // honour back-pressure: an export of millions of events piped to a slow reader must not pile up in memory
  return new Promise((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once("drain", resolve)));
}

const isoDay = (v: string | undefined, name: string): string | undefined => {
  if (v === undefined) return undefined;
  // a bare date means its start, in UTC
  const full = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : v;
  if (!isIsoUtc(full))
    throw new UsageError(`--${name} must be a date (2026-11-30) or a UTC time (2026-11-30T10:00:00Z).`);
  return new Date(full).toISOString();
};

async function find(db: ConsentDb, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  const id = positionals[0];
  if (!id)
    throw new UsageError("Name the decision: npm run consent:find -- <decision-id> (the Consent ID on a receipt).");
  const history = await findHistory(db, id);
  if (!history.length) {
    console.error(`No event for decision ${id} in ${describeDb(dbConfig())}.`);
    return 1;
  }
  const checks = await verifyEvents(db, history);
  if (values.json) {
    await write(`${JSON.stringify({ decisionId: id, events: history, chain: checks }, null, 2)}\n`);
  } else {
    console.log(`History of the browser that made decision ${id}: ${history.length} event(s), oldest first.\n`);
    for (const [i, e] of history.entries()) {
      const check = checks[i]!;
      const mark = e.decisionId === id ? "  ← this decision" : "";
      console.log(
        `#${e.position}  ${e.receivedAt}  ${e.action} (${e.place})${e.reconsent ? ", asked again after a revision" : ""}${mark}`,
      );
      console.log(`    decision ${e.decisionId}  sequence ${e.sequence}  previous ${e.previousDecisionId ?? "none"}`);
      console.log(`    granted: ${[...e.grantedCategories, ...e.grantedServices].join(", ") || "nothing"}`);
      console.log(`    denied:  ${[...e.deniedCategories, ...e.deniedServices].join(", ") || "nothing"}`);
      console.log(
        `    policy ${e.policyVersion} (consentRevision ${e.consentRevision}, ${e.locale})  GPC ${e.gpc ? "on" : "off"}  browser time ${e.clientTime}`,
      );
      console.log(`    policy text sha256 ${e.policyHash}`);
      console.log(`    wording     sha256 ${e.wordingHash}`);
      console.log(`    event hash  ${e.hash}  (previous ${e.prevHash})`);
      console.log(`    chain: ${check.ok ? "✓" : "✗"} ${check.message}\n`);
    }
  }
  return checks.every((c) => c.ok) ? 0 : 1;
}

async function exportEvents(db: ConsentDb, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { since: { type: "string" }, until: { type: "string" }, format: { type: "string", default: "jsonl" } },
  });
  const format = values.format as (typeof exportFormats)[number];
  if (!exportFormats.includes(format))
    throw new UsageError(`--format must be jsonl or csv (it is "${values.format}").`);
  const since = isoDay(values.since, "since");
  const until = isoDay(values.until, "until");
  if (format === "csv") await write(csvHeader());
  let n = 0;
  for await (const e of eachEvent(db, { since, until })) {
    await write(format === "csv" ? csvRow(e) : jsonLine(e));
    n++;
  }
  console.error(`${n} event(s) exported from ${describeDb(dbConfig())}.`);
  return 0;
}

async function verify(db: ConsentDb): Promise<number> {
  const r = await verifyLog(db);
  const where = describeDb(dbConfig());
  if (!r.success) {
    console.error(`✗ The consent log is broken (${where}): ${r.problem.message}`);
    console.error(`  ${r.events} event(s) before it verified.`);
    return 1;
  }
  const from = r.start.position === 0 ? "the start" : `the checkpoint of the last purge (event ${r.start.position})`;
  console.log(
    `✓ The consent log is intact (${where}): ${r.events} event(s) chained from ${from} to event ${r.head.position}.`,
  );
  // anyone with write access could rebuild the whole chain; a head hash kept elsewhere shows if they did
  console.log(`  Head hash ${r.head.hash} — keep it with your records: a later verify must pass through it.`);
  return 0;
}

async function purge(db: ConsentDb): Promise<number> {
  const days = retentionDays();
  const cutoff = new Date(Date.now() - days * 86_400_000);
  const r = await purgeBefore(db, cutoff);
  if (!r.checkpoint) console.log(`Nothing to purge: no event received before ${r.cutoff} (${days} days ago).`);
  else
    console.log(
      `Purged ${r.deleted} event(s) received before ${r.cutoff} (${days} days). The chain now starts at the checkpoint: event ${r.checkpoint.position}, hash ${r.checkpoint.hash}.`,
    );
  const { head } = await readChain(db);
  console.log(`The log holds events up to ${head.position}.`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  let db: ConsentDb | null = null;
  try {
    if (!command || !["find", "export", "verify", "purge", "migrate"].includes(command)) throw new UsageError(USAGE);
    const config = dbConfig();
    db = await openDb(config);
    const applied = await migrate(db);
    if (command === "migrate") {
      console.log(
        applied.length ? `${describeDb(config)}: applied ${applied.join(", ")}.` : `${describeDb(config)}: up to date.`,
      );
      return 0;
    }
    if (command === "find") return await find(db, args);
    if (command === "export") return await exportEvents(db, args);
    if (command === "verify") return await verify(db);
    return await purge(db);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    console.error(`consent ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  } finally {
    await db?.destroy();
  }
}

runWhenMain(import.meta, (argv) => main(argv));
