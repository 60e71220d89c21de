// The consent log on the embedded database (SQLite under CANDOR_DATA_DIR) of the server Playwright runs.
import { test as base, expect } from "@playwright/test";
import type { ConsentDb } from "../lib/consent-log/db";
import { EVENTS_PATH } from "../lib/consent-log/event";
import { findHistory } from "../lib/consent-log/log";
import { sampleEvent } from "../lib/consent-log/testing";
import { routeVendors } from "../lib/testing/vendors";
import { banner, OUTBOX_KEY, POLICY, seedRecord, storedRecord } from "./consent-helpers";
import { E2E_PORT, embeddedConfig, openLog, outboxEmptied, storedRecordOf } from "./consent-log-helpers";
import { acceptThenWithdraw, apiDownThenBack } from "./consent-log-scenarios";

const ORIGIN = `http://localhost:${E2E_PORT}`;

const test = base.extend<{ log: ConsentDb }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  log: async ({}, provide) => {
    const db = await openLog(embeddedConfig());
    await provide(db);
    await db.destroy();
  },
});

test("Accept all then withdraw stores exactly two events with the right choices and hashes; the receipt shows the server's proof", async ({
  page,
  context,
  log,
}) => {
  await acceptThenWithdraw(page, context, ORIGIN, log);
});

test("with the API answering 500 and then blocked, the choices apply at once, and each is stored exactly once when it is back", async ({
  page,
  context,
  log,
}) => {
  await apiDownThenBack(page, context, ORIGIN, log);
});

test("a cross-site POST gets 403 and stores nothing", async ({ request, log }) => {
  const event = sampleEvent({ decisionId: crypto.randomUUID(), clientTime: new Date().toISOString() });
  const foreign: Array<Record<string, string>> = [
    { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    { Origin: "https://evil.example" },
    {},
  ];
  for (const headers of foreign) {
    const res = await request.post(EVENTS_PATH, {
      headers: { ...headers, "Content-Type": "application/json" },
      data: event,
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
  }
  expect(await findHistory(log, event.decisionId)).toEqual([]);
  // the control: the same event from the site itself is stored
  const ok = await request.post(EVENTS_PATH, {
    headers: { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN, "Content-Type": "application/json" },
    data: event,
  });
  expect(ok.status()).toBe(200);
  expect(await findHistory(log, event.decisionId)).toHaveLength(1);
});

test("the API names the field it refuses and stores nothing of a refused request", async ({ request, log }) => {
  const id = crypto.randomUUID();
  const send = (data: unknown) =>
    request.post(EVENTS_PATH, {
      headers: { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN, "Content-Type": "application/json" },
      data,
    });
  const bad = await send({
    events: [
      sampleEvent({ decisionId: id, clientTime: new Date().toISOString() }),
      { ...sampleEvent(), grantedServices: ["hotjar"] },
    ],
  });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ field: "events[1].grantedServices[0]", index: 1 });
  const future = await send(
    sampleEvent({ decisionId: id, clientTime: new Date(Date.now() + 3_600_000).toISOString() }),
  );
  expect(future.status()).toBe(422);
  expect(await future.json()).toMatchObject({ field: "clientTime" });
  expect(await findHistory(log, id)).toEqual([]);
});

test("Global Privacy Control overriding an earlier consent is logged once, as the browser's doing", async ({
  page,
  context,
  log,
}) => {
  await routeVendors(context);
  const id = crypto.randomUUID();
  const page1 = await context.newPage();
  await seedRecord(page1, JSON.stringify(storedRecord({ id })), ORIGIN);
  await page1.close();
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true }),
  );
  await page.goto(`${ORIGIN}${POLICY}`);
  await outboxEmptied(page);
  await page.reload();
  await expect(page.locator(".cc-receipt")).toContainText(id);
  const history = await findHistory(log, id);
  // once, however often the page is loaded; TikTok (advertising) refused by the signal, GA4 still granted
  expect(history.map((e) => [e.decisionId, e.action, e.place])).toEqual([[id, "gpc", "browser"]]);
  expect(history[0]!.deniedServices).toContain("tiktok");
  expect(history[0]!.grantedServices).toContain("ga4");
});

test("a choice that answers a raised consentRevision is logged as asked again, linked to the outdated one", async ({
  page,
  context,
  log,
}) => {
  await routeVendors(context);
  const old = crypto.randomUUID();
  await seedRecord(page, JSON.stringify(storedRecord({ id: old, revision: 1 })), ORIGIN);
  // the outbox remembers the old decision, as it would have after logging it
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [OUTBOX_KEY, JSON.stringify({ seq: 1, last: old, pending: [], acks: [] })],
  );
  await page.goto(`${ORIGIN}${POLICY}`);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await outboxEmptied(page);
  const now = await storedRecordOf(page);
  const [event] = await findHistory(log, now.id);
  expect(event).toMatchObject({
    decisionId: now.id,
    previousDecisionId: old,
    sequence: 2,
    action: "reject-all",
    reconsent: true,
  });
});
