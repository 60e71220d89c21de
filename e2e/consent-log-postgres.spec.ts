// The consent log on PostgreSQL: servers of our own (next start of the same build) with DATABASE_URL, on
// a database of their own in the PostgreSQL that CANDOR_TEST_DATABASE_URL names (.ci/run starts one with
// scripts/ci/postgres.sh). Without it the spec is skipped locally, and fails in CI (CI=true): the
// PostgreSQL part must run there.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { type ConsentDb, dbConfig } from "../lib/consent-log/db";
import { EVENTS_PATH } from "../lib/consent-log/event";
import { sampleEvent } from "../lib/consent-log/testing";
import { E2E_PORT, openLog, startServer } from "./consent-log-helpers";
import { acceptThenWithdraw, apiDownThenBack } from "./consent-log-scenarios";

const ADMIN_URL = process.env.CANDOR_TEST_DATABASE_URL?.trim();

test.describe.configure({ mode: "serial" });

test.describe("on PostgreSQL", () => {
  if (!ADMIN_URL && process.env.CI)
    throw new Error("CI=true but CANDOR_TEST_DATABASE_URL is not set: the PostgreSQL end-to-end tests cannot run.");
  test.skip(
    !ADMIN_URL,
    "CANDOR_TEST_DATABASE_URL is not set (scripts/ci/postgres.sh starts a PostgreSQL for the tests)",
  );

  const database = `candor_e2e_${process.pid}`;
  let url = "";
  let servers: Array<{ url: string; stop(): Promise<void> }> = [];
  let db: ConsentDb;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    const u = new URL(ADMIN_URL!);
    u.pathname = `/${database}`;
    url = u.toString();
    // two instances, as behind a load balancer; the first migrates, the second finds it done
    servers = await Promise.all(
      [E2E_PORT + 1001, E2E_PORT + 1002].map((port) =>
        startServer(port, { DATABASE_URL: url, CANDOR_ADMIN_PASSWORD: "", CONSENT_RATE_LIMIT: "0" }),
      ),
    );
    db = await openLog(dbConfig({ DATABASE_URL: url }));
  });

  test.afterAll(async () => {
    await db?.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    if (!ADMIN_URL) return;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.end();
  });

  test("Accept all then withdraw stores exactly two events with the right choices and hashes; the receipt shows the server's proof", async ({
    page,
    context,
  }) => {
    await acceptThenWithdraw(page, context, servers[0]!.url, db);
  });

  test("with the API answering 500 and then blocked, each choice is stored exactly once when it is back", async ({
    page,
    context,
  }) => {
    await apiDownThenBack(page, context, servers[1]!.url, db);
  });

  test("two instances writing at once keep one chain that consent:verify finds intact", async () => {
    test.setTimeout(120_000);
    const now = new Date().toISOString();
    const post = (server: { url: string }, i: number) =>
      fetch(`${server.url}${EVENTS_PATH}`, {
        method: "POST",
        headers: { "Sec-Fetch-Site": "same-origin", Origin: server.url, "Content-Type": "application/json" },
        body: JSON.stringify({
          events: [0, 1].map((k) =>
            sampleEvent({
              decisionId: `00000000-0000-4000-9000-${String(i * 2 + k).padStart(12, "0")}`,
              clientTime: now,
            }),
          ),
        }),
      });
    // 20 requests in flight at a time, alternating between the instances
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++)
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, k) => post(servers[k % 2]!, round * 20 + k).then((r) => r.status)),
        )),
      );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const verify = spawnSync("node_modules/.bin/tsx", ["scripts/consent/cli.ts", "verify"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(verify.stderr).toBe("");
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/The consent log is intact .*: \d+ event\(s\)/);
    const { n } = await db
      .selectFrom("consent_events")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("decision_id", "like", "00000000-0000-4000-9000-%")
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(400);
  });
});
