// The consent log scenarios, run against the embedded database (consent-log.spec.ts) and PostgreSQL
// (consent-log-postgres.spec.ts): what a visitor does, what the server must have stored.
import { readFile } from "node:fs/promises";
import { type BrowserContext, expect, type Page } from "@playwright/test";
import type { ConsentDb } from "../lib/consent-log/db";
import { EVENTS_PATH } from "../lib/consent-log/event";
import { findHistory } from "../lib/consent-log/log";
import { routeVendors } from "../lib/testing/vendors";
import { banner, POLICY, typesTable } from "./consent-helpers";
import { expectedChoices, expectedProof, outboxEmptied, outboxPending, storedRecordOf } from "./consent-log-helpers";

/** Accept all, then withdraw from the receipt: exactly two events, with the right choices and hashes. */
export async function acceptThenWithdraw(page: Page, context: BrowserContext, base: string, db: ConsentDb) {
  await routeVendors(context);
  await page.goto(`${base}${POLICY}`);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  const first = await storedRecordOf(page);
  await outboxEmptied(page);
  const receipt = page.locator(".cc-receipt");
  await expect(receipt).toContainText(/Recorded on .+ UTC · proof [0-9a-f]{8}…/);

  // withdrawing stops vendor code that already ran by reloading the page
  await Promise.all([page.waitForEvent("load"), receipt.getByRole("button", { name: "Withdraw all consent" }).click()]);
  const second = await storedRecordOf(page);
  expect(second.id).not.toBe(first.id);
  await outboxEmptied(page);

  const history = await findHistory(db, second.id);
  const c = expectedChoices();
  const proof = expectedProof("en");
  const common = {
    policyVersion: first.policyVersion,
    consentRevision: first.revision,
    locale: "en",
    gpc: false,
    reconsent: false,
    ...proof,
  };
  expect(history).toHaveLength(2);
  expect(history[0]).toMatchObject({
    ...common,
    decisionId: first.id,
    previousDecisionId: null,
    sequence: 1,
    action: "accept-all",
    place: "banner",
    clientTime: first.decidedAt,
    grantedCategories: c.allCategories,
    deniedCategories: [],
    grantedServices: c.allServices,
    deniedServices: [],
  });
  expect(history[1]).toMatchObject({
    ...common,
    decisionId: second.id,
    previousDecisionId: first.id,
    sequence: 2,
    action: "withdraw",
    place: "receipt",
    clientTime: second.decidedAt,
    grantedCategories: c.requiredCategories,
    deniedCategories: c.optionalCategories,
    grantedServices: [],
    deniedServices: c.allServices,
  });
  expect(history[1]!.prevHash).not.toBe(history[0]!.prevHash);

  // the receipt shows the server's proof of the decision in force, and the download carries it
  const stored = history[1]!;
  await expect(receipt).toContainText(`proof ${stored.hash.slice(0, 8)}…`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    receipt.getByRole("button", { name: "Download receipt" }).click(),
  ]);
  const json = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(json).toMatchObject({
    consentId: second.id,
    serverRecord: { receivedAt: stored.receivedAt, eventHash: stored.hash },
  });
  return history;
}

/** The API answering 500 and then blocked: the choices apply at once, wait in the outbox, and are stored
 * exactly once each when the API is back (the first request reached the server; only its answer was lost). */
export async function apiDownThenBack(page: Page, context: BrowserContext, base: string, db: ConsentDb) {
  await routeVendors(context);
  let reachedServer = 0;
  await page.route(`**${EVENTS_PATH}`, async (route) => {
    await route.fetch();
    reachedServer++;
    await route.fulfill({ status: 500, contentType: "application/json", body: '{"error":"down"}' });
  });
  await page.goto(`${base}${POLICY}`);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page).getByText("You've accepted additional cookies.")).toBeVisible();
  const analytics = typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true });
  await expect(analytics).toHaveAttribute("aria-checked", "true");
  const first = await storedRecordOf(page);
  await expect.poll(() => reachedServer).toBe(1);
  expect(await outboxPending(page)).toBe(1);
  await expect(page.locator(".cc-receipt")).toContainText("Pending: not yet recorded");

  // now nothing gets through at all
  await page.unroute(`**${EVENTS_PATH}`);
  await page.route(`**${EVENTS_PATH}`, (route) => route.abort("blockedbyclient"));
  // Accept all switched Functional on: switch it off again
  const functional = typesTable(page).getByRole("switch", { name: "Functional", exact: true });
  await expect(functional).toHaveAttribute("aria-checked", "true");
  await functional.click();
  await expect(functional).toHaveAttribute("aria-checked", "false");
  const second = await storedRecordOf(page);
  expect(await outboxPending(page)).toBe(2);
  await page.reload();
  await expect(functional).toHaveAttribute("aria-checked", "false");
  expect(await outboxPending(page)).toBe(2);

  // back: the next page load sends both, and the server keeps one of each
  await page.unroute(`**${EVENTS_PATH}`);
  await page.reload();
  await outboxEmptied(page);
  const history = await findHistory(db, second.id);
  expect(history.map((e) => [e.decisionId, e.sequence, e.action, e.place])).toEqual([
    [first.id, 1, "accept-all", "banner"],
    [second.id, 2, "switch", "inline"],
  ]);
  await expect(page.locator(".cc-receipt")).toContainText(`proof ${history[1]!.hash.slice(0, 8)}…`);
}
