// `npm run bench:consent-log`: appends to the consent log under load. For the embedded database (SQLite,
// WAL, synchronous=FULL) and for PostgreSQL (a server this script starts with scripts/ci/postgres.sh,
// fsync on; or BENCH_DATABASE_URL's, in a database of its own): autocannon with BENCH_CONNECTIONS (50)
// for BENCH_SECONDS (30) against POST /api/consent/events, each request a new event, then GET
// /api/storage/cookies on the same server for the same time, so the database's cost shows as a ratio.
// Then: every acknowledged event must be in the log (none lost), and consent:verify must pass. Last,
// two instances on one PostgreSQL at once: the events/s of both together, the price of serializing every
// append on the chain's head row. The rate limit is off (CONSENT_RATE_LIMIT=0): it measures the server.
// Exits 1 when an event was lost, an answer was not 2xx, or the chain does not verify (errors, which are
// timeouts on a busy machine, are printed).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { consentEventBody } from "./load.mjs";
import { load } from "./rps.mjs";
import { freePort, machine, startNext } from "./support.mjs";

// the same throwaway PostgreSQL the tests use in CI
const POSTGRES_SH = path.join("scripts", "ci", "postgres.sh");
let duration = 30;
let connections = 50;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let counter = 0;
const headers = (origin) => ({ "sec-fetch-site": "same-origin", origin, "content-type": "application/json" });

/** autocannon with a new event in every request; resolves to its figures and the ids the server
 * acknowledged (200 with the stored event). */
function appendLoad(origin, conns) {
  const acked = new Set();
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${origin}/api/consent/events`,
        connections: conns,
        duration,
        timeout: 10,
        requests: [
          {
            method: "POST",
            headers: headers(origin),
            setupRequest: (req) => {
              const n = counter++;
              req.body = consentEventBody(`b${run}-${String(n).padStart(12, "0")}`.slice(0, 64), 1);
              return req;
            },
            onResponse: (status, body) => {
              if (status === 200) for (const e of JSON.parse(body).events) acked.add(e.decisionId);
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          requestsPerSec: Math.round(r.requests.average),
          latencyP50Ms: r.latency.p50,
          latencyP99Ms: r.latency.p99,
          total: r.requests.total,
          acknowledged: acked.size,
          ackedIds: acked,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      },
    );
  });
}

function verify(env) {
  const r = spawnSync("node_modules/.bin/tsx", ["scripts/consent/cli.ts", "verify"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { ok: r.status === 0, text: (r.stdout + r.stderr).trim().split("\n")[0] };
}

/** The decision ids the log holds. */
async function storedSqlite(dir) {
  const db = new Database(path.join(dir, "consent-log.sqlite"), { readonly: true });
  try {
    return new Set(db.prepare("select decision_id from consent_events").pluck().all());
  } finally {
    db.close();
  }
}

async function storedPg(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return new Set((await c.query("select decision_id from consent_events")).rows.map((r) => r.decision_id));
  } finally {
    await c.end();
  }
}

/** Acknowledged but not stored: lost (must be none). Stored but not acknowledged: the run ended or the
 * client gave up (timeout) before the answer came; the browser would send those again. */
function compare(ackedIds, before, after) {
  const stored = [...after].filter((id) => !before.has(id));
  return { stored: stored.length, lost: [...ackedIds].filter((id) => !after.has(id)).length };
}

async function measure(label, env, stored) {
  const server = await startNext({ env: { ...env, CONSENT_RATE_LIMIT: "0" } });
  try {
    // warm-up (JIT, the connection pool, the migration), not counted
    await appendLoad(server.origin, 5).catch(() => undefined);
    const before = await stored();
    const appended = await appendLoad(server.origin, connections);
    const after = await stored();
    const counted = compare(appended.ackedIds, before, after);
    const echo = await load(`${server.origin}/api/storage/cookies`, {
      connections,
      duration,
      headers: { "sec-fetch-site": "same-origin", cookie: "ims_auth=secret" },
    });
    const v = verify(env);
    return { label, appended, echo, ...counted, verify: v };
  } finally {
    await server.stop();
  }
}

async function twoInstances(url) {
  const a = await startNext({ env: { DATABASE_URL: url, CONSENT_RATE_LIMIT: "0" } });
  const b = await startNext({ env: { DATABASE_URL: url, CONSENT_RATE_LIMIT: "0" } });
  try {
    const before = await storedPg(url);
    const half = Math.max(1, Math.floor(connections / 2));
    const [ra, rb] = await Promise.all([appendLoad(a.origin, half), appendLoad(b.origin, half)]);
    const counted = compare(new Set([...ra.ackedIds, ...rb.ackedIds]), before, await storedPg(url));
    return { ra, rb, ...counted, verify: verify({ DATABASE_URL: url }) };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function postgres() {
  if (process.env.BENCH_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await admin.connect();
    const name = `candor_bench_${run}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      stop: async () => {
        const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "candor-bench-pg-"));
  const port = await freePort();
  const url = execFileSync("bash", [POSTGRES_SH, "start", dir, String(port)], {
    env: { ...process.env, PG_FSYNC: "on" },
    encoding: "utf8",
  }).trim();
  return { url, stop: async () => void execFileSync("bash", [POSTGRES_SH, "stop", dir]) };
}

const row = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join("  ");

/** Both engines, then two instances on one PostgreSQL. `failed`: an event lost, a non-2xx, a red verify. */
export async function runConsentLogBench(options = {}) {
  duration = options.duration ?? 30;
  connections = options.connections ?? 50;
  const results = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "candor-bench-sqlite-"));
  try {
    results.push(
      await measure("SQLite (embedded)", { CANDOR_DATA_DIR: dataDir, DATABASE_URL: "" }, () => storedSqlite(dataDir)),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pgServer = await postgres();
  let two;
  try {
    results.push(await measure("PostgreSQL", { DATABASE_URL: pgServer.url }, () => storedPg(pgServer.url)));
    two = await twoInstances(pgServer.url);
  } finally {
    await pgServer.stop();
  }
  const single = results[1];
  const failed =
    results.some((r) => r.lost > 0 || r.appended.non2xx > 0 || !r.verify.ok) ||
    two.lost > 0 ||
    !two.verify.ok ||
    two.ra.non2xx + two.rb.non2xx > 0;
  const twoRate = two.ra.requestsPerSec + two.rb.requestsPerSec;
  const ratio = (r) => (r.appended.requestsPerSec / Math.max(1, r.echo.requestsPerSec)).toFixed(2);
  const markdown =
    `## Consent log: appends under load, ${connections} connections, ${duration} s each\n\n` +
    "Each POST /api/consent/events carries a new event; GET /api/storage/cookies on the same server in the same run.\n\n" +
    "| Database | events/s | p50 | p99 | errors | non-2xx | acknowledged | stored | lost | verify | GET echo req/s | events/s ÷ echo |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
    results
      .map(
        (r) =>
          `| ${r.label} | ${r.appended.requestsPerSec} | ${r.appended.latencyP50Ms} ms | ${r.appended.latencyP99Ms} ms | ${r.appended.errors} | ${r.appended.non2xx} | ${r.appended.acknowledged} | ${r.stored} | ${r.lost} | ${r.verify.ok ? "green" : "RED"} | ${r.echo.requestsPerSec} (p99 ${r.echo.latencyP99Ms} ms) | ${ratio(r)} |`,
      )
      .join("\n") +
    `\n\nTwo instances on one PostgreSQL (${Math.floor(connections / 2)} connections each): ${twoRate} events/s together ` +
    `(${two.ra.requestsPerSec} + ${two.rb.requestsPerSec}; one instance alone: ${single.appended.requestsPerSec}), ` +
    `errors ${two.ra.errors + two.rb.errors}, acknowledged ${two.ra.acknowledged + two.rb.acknowledged}, stored ${two.stored}, lost ${two.lost}, verify ${two.verify.ok ? "green" : "RED"}.\n\n` +
    "Stored can exceed acknowledged: requests cut off by the end of the run or by the client's 10 s timeout were stored, " +
    "their answers not read (a browser sends those again and gets the stored event). Every append takes the chain's " +
    "head row lock and commits durably (SQLite synchronous=FULL, PostgreSQL fsync on), so appends are serialized: " +
    "a second instance adds web-server capacity, not append capacity.\n";
  return { results, two, single, failed, markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const d = Number(process.env.BENCH_SECONDS ?? 30);
  const c = Number(process.env.BENCH_CONNECTIONS ?? 50);
  console.log(`Consent log under load — ${new Date().toISOString()}`);
  console.log(`Machine: ${machine()}; load average (1 min) before the run: ${os.loadavg()[0].toFixed(2)}`);
  console.log(`autocannon, ${c} connections, ${d} s per target, each POST a new event\n`);
  const { results, two, single, failed } = await runConsentLogBench({ duration: d, connections: c });
  const widths = [18, 9, 8, 8, 7, 8, 7, 7, 5, 7, 18, 6];
  console.log(
    row(
      [
        "database",
        "events/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "non-2xx",
        "acked",
        "stored",
        "lost",
        "verify",
        "GET echo r/s",
        "ratio",
      ],
      widths,
    ),
  );
  for (const r of results) {
    console.log(
      row(
        [
          r.label,
          r.appended.requestsPerSec,
          r.appended.latencyP50Ms,
          r.appended.latencyP99Ms,
          r.appended.errors,
          r.appended.non2xx,
          r.appended.acknowledged,
          r.stored,
          r.lost,
          r.verify.ok ? "green" : "RED",
          `${r.echo.requestsPerSec} (p99 ${r.echo.latencyP99Ms})`,
          (r.appended.requestsPerSec / Math.max(1, r.echo.requestsPerSec)).toFixed(2),
        ],
        widths,
      ),
    );
    if (!r.verify.ok) console.error(`  ${r.label}: ${r.verify.text}`);
  }
  console.log(
    `\nTwo instances on one PostgreSQL (${Math.floor(c / 2)} connections each): ${two.ra.requestsPerSec + two.rb.requestsPerSec} events/s together ` +
      `(${two.ra.requestsPerSec} + ${two.rb.requestsPerSec}; one instance alone: ${single.appended.requestsPerSec}), ` +
      `p99 ${two.ra.latencyP99Ms} / ${two.rb.latencyP99Ms} ms, errors ${two.ra.errors + two.rb.errors}, acknowledged ${two.ra.acknowledged + two.rb.acknowledged}, stored ${two.stored}, lost ${two.lost}, verify ${two.verify.ok ? "green" : "RED"}.`,
  );
  console.log(
    "\nacked: events the server answered 200 for; stored: new events in the log (more than acked when the run ended, or a\n" +
      "request timed out, before the answer came: a browser sends those again); lost: acknowledged but not stored.",
  );
  console.log(
    failed
      ? "\nFAILED: an event was lost, an answer was not 2xx, or the chain does not verify."
      : "\nNothing lost; every chain verifies.",
  );
  process.exit(failed ? 1 : 0);
}
