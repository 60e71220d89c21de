// Bad input never grants consent: a stored record that does not count, or storage that throws,
// shows the banner, grants nothing, and breaks nothing.
import { expect, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";
import { banner, nonEssential, POLICY, pageErrors, seedRecord, storedRecord, typesTable } from "./consent-helpers";

const day = 86_400_000;
const cases: Array<[string, () => string]> = [
  ["corrupt JSON", () => '{"schema":1,"categories":'],
  ["a wrong schema", () => JSON.stringify({ ...storedRecord(), schema: 2 })],
  ["a wrong type", () => JSON.stringify(storedRecord({ services: { ga4: "yes", tiktok: true } }))],
  [
    "an expired record",
    () =>
      JSON.stringify(
        storedRecord({
          decidedAt: new Date(Date.now() - 200 * day).toISOString(),
          expiresAt: new Date(Date.now() - day).toISOString(),
        }),
      ),
  ],
  ["a record from a newer revision", () => JSON.stringify(storedRecord({ revision: 3 }))],
  [
    "__proto__ keys",
    () => JSON.stringify(storedRecord()).replace('"categories":{', '"categories":{"__proto__":{"analytics":true},'),
  ],
  ["a top-level __proto__", () => '{"__proto__":{"status":"decided"},' + JSON.stringify(storedRecord()).slice(1)],
  ["a huge value", () => JSON.stringify(storedRecord({ policyVersion: "1".repeat(2_000_000) }))],
];

for (const [label, raw] of cases) {
  test(`${label} in the record: the banner shows, nothing is granted, no page errors`, async ({ page, context }) => {
    const log = await routeVendors(context);
    const errors = pageErrors(page);
    await seedRecord(page, raw());
    await page.goto(POLICY);
    await expect(banner(page)).toBeVisible();
    await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeVisible();
    const analytics = typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true });
    await expect(analytics).toBeEnabled();
    await expect(analytics).toHaveAttribute("aria-checked", "false");
    await page.waitForLoadState("networkidle");
    expect(log.requests).toEqual([]);
    expect(await nonEssential(page, context)).toEqual([]);
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call({}, "analytics") || "status" in {})).toBe(
      false,
    );
    // and the visitor can still decide, which replaces the bad record
    await banner(page).getByRole("button", { name: "Reject all" }).click();
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem("candor:consent")))!);
    expect(stored).toMatchObject({ schema: 1, method: "banner-reject-all", services: { ga4: false, tiktok: false } });
    expect(errors).toEqual([]);
  });
}

test("localStorage throwing on access: the site and the banner still work for the page view", async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const log = await routeVendors(context);
  const errors = pageErrors(page);
  await page.goto(POLICY);
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Cookie & Storage Policy" })).toBeVisible();
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page).getByText("You've accepted additional cookies.")).toBeVisible();
  await expect(banner(page).getByText("Your browser did not let us store this choice")).toBeVisible();
  // the choice holds for this page view
  await expect.poll(() => log.of("ga4", "script").length).toBe(1);
  await expect(typesTable(page).getByRole("switch", { name: "Performance & Analytics", exact: true })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  // and a new page view asks again
  await page.reload();
  await expect(banner(page).getByRole("button", { name: "Accept all" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a full storage quota: the choice holds for the page view, a quiet notice says it is not remembered", async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const errors = pageErrors(page);
  await routeVendors(context);
  await page.goto(POLICY);
  const functional = typesTable(page).getByRole("switch", { name: "Functional", exact: true });
  await functional.click();
  await expect(functional).toHaveAttribute("aria-checked", "true");
  await expect(banner(page).getByText("Your browser did not let us store this choice")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("candor:consent"))).toBeNull();
  expect(errors).toEqual([]);
});
