// /admin/consent: off (404) without CANDOR_ADMIN_PASSWORD, 401 without the password, and with it a page
// that axe finds nothing wrong with, never cached or indexed, whose figures, lookup and CSV come from the log.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EVENTS_PATH } from "../lib/consent-log/event";
import { sampleEvent } from "../lib/consent-log/testing";
import { TEST_ADMIN_PASSWORD, TEST_DATA_DIR } from "../playwright.config";
import { E2E_PORT, startServer } from "./consent-log-helpers";

const ORIGIN = `http://localhost:${E2E_PORT}`;
const DASHBOARD = "/admin/consent";
const auth = (password: string) => `Basic ${Buffer.from(`legal:${password}`).toString("base64")}`;

test("answers 401 with a Basic challenge without the password, or with a wrong one", async ({ request }) => {
  const tries: Array<Record<string, string>> = [{}, { Authorization: auth("wrong") }];
  for (const headers of tries) {
    const res = await request.get(DASHBOARD, { headers });
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toBe('Basic realm="Candor consent log", charset="UTF-8"');
    expect(await res.text()).not.toContain("Decisions per day");
  }
});

test("answers 404 when CANDOR_ADMIN_PASSWORD is not set", async ({ request }) => {
  test.setTimeout(90_000);
  const server = await startServer(E2E_PORT + 1003, {
    CANDOR_DATA_DIR: TEST_DATA_DIR,
    CANDOR_ADMIN_PASSWORD: "",
    DATABASE_URL: "",
  });
  try {
    const tries: Array<Record<string, string>> = [{}, { Authorization: auth(TEST_ADMIN_PASSWORD) }];
    for (const headers of tries) {
      const res = await request.get(`${server.url}${DASHBOARD}`, { headers });
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toContain("Consent log");
    }
  } finally {
    await server.stop();
  }
});

test.describe("signed in", () => {
  test.use({ httpCredentials: { username: "legal", password: TEST_ADMIN_PASSWORD } });

  test("shows the log's figures, looks a decision up with its chain check, exports CSV, and axe finds nothing", async ({
    page,
    request,
  }) => {
    const id = crypto.randomUUID();
    const posted = await request.post(EVENTS_PATH, {
      headers: { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN, "Content-Type": "application/json" },
      data: sampleEvent({ decisionId: id, clientTime: new Date().toISOString(), action: "reject-all" }),
    });
    expect(posted.status()).toBe(200);
    const { events } = await posted.json();

    const res = await page.goto(DASHBOARD);
    expect(res!.status()).toBe(200);
    const headers = res!.headers();
    expect(headers["cache-control"]).toBe("no-store, private");
    expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(page.getByRole("heading", { level: 1, name: "Consent log" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Decisions per day over the last 30 days/ })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Categories" }).getByRole("rowheader", { name: "Performance & Analytics" }),
    ).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.getByLabel("Decision ID").fill(id);
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByRole("status")).toContainText(
      "1 event(s) in this browser's history; chain check: every event's hash and link hold.",
    );
    await expect(page.getByRole("table", { name: /History of the browser/ })).toContainText(
      events[0].hash.slice(0, 12),
    );
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.getByRole("link", { name: "Verify the whole chain now" }).click();
    await expect(page.getByRole("status")).toContainText("✓ The chain is intact");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^position,receivedAt,decisionId,/);
    expect(csv).toContain(`,${id},`);
  });
});

test("the policy page's JavaScript holds none of the dashboard's code", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script") scripts.push(await r.text());
  });
  await page.goto("/en/cookie-policy");
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(0);
  for (const marker of ["Decisions per day", "Verify the whole chain", "Opt-in rate"])
    expect(
      scripts.some((s) => s.includes(marker)),
      marker,
    ).toBe(false);
});
