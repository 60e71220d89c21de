import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminRoute } from "./admin-route";
import type { ConsentDb } from "./db";
import { appendEvents } from "./log";
import { sampleEvent, testDb } from "./testing";

const registry = async () => ({
  categories: [{ id: "analytics", title: "Performance & Analytics" }],
  services: [{ id: "ga4", name: "Google Analytics 4" }],
});
const auth = (password: string) => ({ Authorization: `Basic ${Buffer.from(`legal:${password}`).toString("base64")}` });

describe("GET /admin/consent", () => {
  let db: ConsentDb;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await testDb());
  });
  afterEach(() => close());

  const route = (password?: string) =>
    adminRoute({
      password: () => password,
      db: async () => db,
      where: () => "SQLite test",
      registry,
      now: () => new Date("2026-11-30T12:00:00.000Z"),
    });

  it("is not there (404) while no password is configured, whatever the request says", async () => {
    const res = await route(undefined).GET(new Request("http://x/admin/consent", { headers: auth("") }));
    expect(res.status).toBe(404);
  });

  it("asks for the password (401 with a Basic challenge), never cached", async () => {
    const res = await route("pw").GET(new Request("http://x/admin/consent", { headers: auth("nope") }));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Basic");
    expect(res.headers.get("cache-control")).toBe("no-store, private");
  });

  it("answers other methods with 405", async () => {
    const res = await route("pw").POST(new Request("http://x/admin/consent", { method: "POST", headers: auth("pw") }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });

  it("shows the dashboard, looks up a decision and exports CSV in a date range", async () => {
    await appendEvents(db, [sampleEvent()], () => new Date("2026-11-30T09:00:00.000Z"));
    const page = await route("pw").GET(
      new Request(`http://x/admin/consent?id=${sampleEvent().decisionId}`, { headers: auth("pw") }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const html = await page.text();
    expect(html).toContain("1 event(s) in this browser's history");
    const csv = await route("pw").GET(
      new Request("http://x/admin/consent?export=csv&since=2026-11-30&until=2026-12-01", { headers: auth("pw") }),
    );
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="consent-log-from-2026-11-30-until-2026-12-01.csv"',
    );
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(2);
    const none = await route("pw").GET(
      new Request("http://x/admin/consent?export=csv&until=2026-11-30", { headers: auth("pw") }),
    );
    expect((await none.text()).trim().split("\r\n")).toHaveLength(1);
  });
});
