// Deleting from the inspector removes things from the browser itself; the Clear-Site-Data route is
// same-origin only.
import { expect, type Page, test } from "@playwright/test";
import { catalog } from "../lib/i18n/strings";
import { banner, storedRecord } from "./consent-helpers";
import {
  cookieNames,
  inspector,
  inspectorReady,
  islandsLive,
  ORIGIN,
  POLICY,
  row,
  SUBDOMAIN_ORIGIN,
  seedStorage,
  storageKeys,
} from "./fixtures/inspector";

/** A valid consent record that allows nothing which loads a vendor: the banner is not showing. */
const decided = () =>
  JSON.stringify(
    storedRecord({
      categories: { necessary: true, analytics: false, functional: true, security: true },
      services: { ga4: false, tiktok: false },
    }),
  );

const CLEAR = "/api/storage/clear-site-data";

test.describe("deleting one item", () => {
  test("each row's Delete removes it from the browser: storage keys, a script cookie and an HttpOnly cookie", async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: "ims_auth", value: "secret", url: ORIGIN, httpOnly: true },
      { name: "_ttp", value: "abc", url: ORIGIN },
      { name: "keep_me", value: "1", url: ORIGIN },
    ]);
    await seedStorage(page, { local: { "mystery-key": "1", other: "2" }, session: { tt_sessionId: "abc" } });
    await page.goto(POLICY);
    await inspectorReady(page);
    const ins = inspector(page);

    // undeclared: it may be the app's, so the visitor is asked first
    await ins.getByRole("button", { name: "Delete mystery-key" }).click();
    await page.getByRole("dialog", { name: "Delete mystery-key?" }).getByRole("button", { name: "Delete it" }).click();
    await expect(row(page, "localStorage:mystery-key")).toHaveCount(0);
    await ins.getByRole("button", { name: "Delete tt_sessionId" }).click();
    await expect(row(page, "sessionStorage:tt_sessionId")).toHaveCount(0);
    await ins.getByRole("button", { name: "Delete _ttp" }).click();
    await expect(row(page, "cookie:_ttp")).toHaveCount(0);
    expect(await storageKeys(page)).toEqual({ local: ["other"], session: [] });
    expect(await cookieNames(context)).toEqual(["ims_auth", "keep_me"]);

    // HttpOnly and necessary: the visitor is told what happens first, then the server expires it
    await ins.getByRole("button", { name: "Delete ims_auth" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete ims_auth?" });
    await expect(dialog).toContainText("strictly necessary");
    await expect(dialog).toContainText("may sign you out");
    await dialog.getByRole("button", { name: "Delete it" }).click();
    await expect(row(page, "cookie:ims_auth")).toHaveCount(0);
    expect(await cookieNames(context)).toEqual(["keep_me"]);
    await expect(page.getByRole("status").filter({ hasText: "Deleted ims_auth." })).toBeVisible();
  });

  test("deleting the consent record asks first, Cancel keeps it, and deleting brings the banner back", async ({
    page,
  }) => {
    await seedStorage(page, { local: { "candor:consent": decided() } });
    await page.goto(POLICY);
    await inspectorReady(page);
    await expect(banner(page)).toBeHidden();
    await inspector(page).getByRole("button", { name: "Delete candor:consent" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete candor:consent?" });
    await expect(dialog).toContainText("the consent banner will come back");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect((await storageKeys(page)).local).toContain("candor:consent");
    await inspector(page).getByRole("button", { name: "Delete candor:consent" }).click();
    await dialog.getByRole("button", { name: "Delete it" }).click();
    await expect(row(page, "localStorage:candor:consent")).toHaveCount(0);
    expect((await storageKeys(page)).local).not.toContain("candor:consent");
    await expect(banner(page)).toBeVisible();
  });

  test("a cookie set for the parent domain is deleted too (every domain/path variant)", async ({ page, context }) => {
    await page.goto(`${SUBDOMAIN_ORIGIN}${POLICY}`);
    await page.evaluate(() => {
      document.cookie = "_ga=GA1.1.1; domain=candor.test; path=/";
      document.cookie = "_gid=x; path=/en";
    });
    await inspectorReady(page);
    expect((await context.cookies()).map((c) => `${c.name}@${c.domain}${c.path}`).sort()).toEqual([
      "_ga@.candor.test/",
      "_gid@www.candor.test/en",
    ]);
    await inspector(page).getByRole("button", { name: "Delete _ga", exact: true }).click();
    // _gid is not in our declaration: it may be the app's, so the visitor is asked first
    await inspector(page).getByRole("button", { name: "Delete _gid", exact: true }).click();
    await page.getByRole("dialog", { name: "Delete _gid?" }).getByRole("button", { name: "Delete it" }).click();
    await expect(row(page, "cookie:_gid")).toHaveCount(0);
    expect(await context.cookies()).toEqual([]);
  });
});

test("Clear <category> deletes what that category holds and nothing else", async ({ page, context }) => {
  await context.addCookies([
    { name: "_ga", value: "1", url: ORIGIN },
    { name: "_ga_ABC", value: "1", url: ORIGIN },
    { name: "_ttp", value: "1", url: ORIGIN },
  ]);
  await seedStorage(page, {
    local: { "candor:consent": "{}", "ims:cache:user": "{}", ttclid: "x" },
    session: { tt_pixel_session_index: "1" },
  });
  await page.goto(POLICY);
  await inspectorReady(page);
  const ins = inspector(page);
  await expect(ins.getByRole("button", { name: "Clear Strictly Necessary" })).toHaveCount(0);
  await ins.getByRole("button", { name: "Clear Performance & Analytics" }).click();
  // more than one item: the visitor is asked first, with the list of what will go
  const analytics = page.getByRole("dialog", { name: "Delete 2 items?" });
  await expect(analytics.getByRole("listitem")).toHaveText(["_ga (Cookie)", "_ga_ABC (Cookie)"]);
  await analytics.getByRole("button", { name: "Delete 2 items" }).click();
  await expect(row(page, "cookie:_ga")).toHaveCount(0);
  expect(await cookieNames(context)).toEqual(["_ttp"]);
  await ins.getByRole("button", { name: "Clear Advertising" }).click();
  const advertising = page.getByRole("dialog", { name: "Delete 3 items?" });
  await expect(advertising.getByRole("listitem")).toHaveText([
    "_ttp (Cookie)",
    "ttclid (Local storage)",
    "tt_pixel_session_index (Session storage)",
  ]);
  await advertising.getByRole("button", { name: "Delete 3 items" }).click();
  await expect(row(page, "cookie:_ttp")).toHaveCount(0);
  expect(await cookieNames(context)).toEqual([]);
  expect(await storageKeys(page)).toEqual({ local: ["candor:consent", "ims:cache:user"], session: [] });
  await expect(ins.getByRole("button", { name: "Clear Performance & Analytics" })).toBeDisabled();
  await ins.getByRole("button", { name: "Clear Functional" }).click();
  await expect(row(page, "localStorage:ims:cache:user")).toHaveCount(0);
  expect((await storageKeys(page)).local).toEqual(["candor:consent"]);
});

test.describe("asking before what may be the app's", () => {
  const openDatabase = (page: Page, name: string) =>
    page.evaluate(
      (n) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open(n, 1);
          req.onupgradeneeded = () => req.result.createObjectStore("s");
          req.onsuccess = () => (req.result.close(), resolve());
          req.onerror = () => reject(req.error);
        }),
      name,
    );
  const databases = (page: Page) =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").sort());

  for (const locale of ["en", "de"] as const) {
    test(`${locale}: deleting an IndexedDB database asks first and names it; Cancel deletes nothing`, async ({
      page,
    }) => {
      const t = catalog[locale].inspector;
      await page.goto(`${ORIGIN}/__seed-not-a-page`);
      await openDatabase(page, "ims-offline-store");
      await page.goto(`/${locale}/cookie-policy`);
      const ins = page.getByRole("region", { name: t.title });
      await islandsLive(page);
      await ins.scrollIntoViewIfNeeded();
      await expect(ins).toHaveAttribute("data-state", "ready");

      const del = ins.getByRole("button", { name: t.deleteNamed.replace("{name}", "ims-offline-store") });
      await del.click();
      const dialog = page.getByRole("dialog", { name: t.requiredTitle.replace("{name}", "ims-offline-store") });
      await expect(dialog.getByRole("listitem")).toHaveText([
        `ims-offline-store (${catalog[locale].declaration.storage.indexedDB})`,
      ]);
      await expect(dialog).toContainText(t.confirmAppData);
      await dialog.getByRole("button", { name: t.cancel }).click();
      await expect(dialog).toBeHidden();
      expect(await databases(page)).toEqual(["ims-offline-store"]);
      await expect(ins.locator('tr[data-row="indexedDB:ims-offline-store"]')).toBeVisible();

      await del.click();
      await dialog.getByRole("button", { name: t.requiredConfirm }).click();
      await expect(ins.locator('tr[data-row="indexedDB:ims-offline-store"]')).toHaveCount(0);
      expect(await databases(page)).toEqual([]);
    });
  }

  test("Clear undeclared lists what will go (a key, a database and a cache) and deletes only after Delete", async ({
    page,
  }) => {
    await seedStorage(page, { local: { "mystery-key": "1" } });
    await openDatabase(page, "app-db");
    await page.evaluate(async () => (await caches.open("app-cache")).put("/x", new Response("x")));
    await page.goto(POLICY);
    await inspectorReady(page);
    await inspector(page).getByRole("button", { name: "Clear undeclared" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 3 items?" });
    await expect(dialog.getByRole("listitem")).toHaveText([
      "mystery-key (Local storage)",
      "app-db (IndexedDB)",
      "app-cache (Cache storage)",
    ]);
    await expect(dialog).toContainText("may belong to the IMsupporting application");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(await databases(page)).toEqual(["app-db"]);
    expect(await page.evaluate(() => caches.keys())).toEqual(["app-cache"]);
    expect((await storageKeys(page)).local).toEqual(["mystery-key"]);

    await inspector(page).getByRole("button", { name: "Clear undeclared" }).click();
    await dialog.getByRole("button", { name: "Delete 3 items" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deleted 3 items of Undeclared." })).toBeVisible();
    expect(await databases(page)).toEqual([]);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    expect((await storageKeys(page)).local).toEqual([]);
  });
});

test.describe("Delete all my data on this site", () => {
  test("clears cookies (HttpOnly too), both storages, IndexedDB and caches, and shows the fresh state", async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: "ims_auth", value: "secret", url: ORIGIN, httpOnly: true },
      { name: "ims_rl", value: "1", url: `${ORIGIN}/api`, httpOnly: true },
      { name: "_ga", value: "1", url: ORIGIN },
    ]);
    await seedStorage(page, { local: { "candor:consent": decided(), a: "1" }, session: { b: "2" } });
    await page.goto(POLICY);
    await expect(banner(page)).toBeHidden();
    await page.evaluate(async () => {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open("app-db", 1);
        req.onupgradeneeded = () => req.result.createObjectStore("s");
        req.onsuccess = () => (req.result.close(), resolve());
        req.onerror = () => reject(req.error);
      });
      await (await caches.open("app-cache")).put("/x", new Response("x"));
    });
    await inspectorReady(page);
    await expect(row(page, "indexedDB:app-db")).toBeVisible();
    await expect(row(page, "cacheStorage:app-cache")).toBeVisible();
    await expect(row(page, "cookie:ims_rl")).toContainText("HttpOnly or other path");

    const cleared = page.waitForResponse((r) => r.url().endsWith(CLEAR));
    await inspector(page).getByRole("button", { name: "Delete all my data on this site" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete all your data on this site?" });
    await expect(dialog).toContainText("including those only our server sees");
    await expect(dialog).toContainText("signs you out of the IMsupporting application");
    await expect(dialog).toContainText("deletes the cookies of the other IMsupporting sites on this domain");
    await dialog.getByRole("button", { name: "Delete everything" }).click();
    const res = await cleared;
    expect(res.request().method()).toBe("POST");
    expect(res.status()).toBe(200);
    expect(await res.headerValue("clear-site-data")).toBe('"cookies", "storage"');

    await expect(
      page.getByRole("status").filter({ hasText: "Everything this site kept in your browser has been deleted." }),
    ).toBeVisible();
    await expect(inspector(page).getByText("This site holds nothing in your browser right now.")).toBeVisible();
    await expect(banner(page)).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    expect(await storageKeys(page)).toEqual({ local: [], session: [] });
    expect(
      await page.evaluate(async () => ({
        dbs: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
      })),
    ).toEqual({ dbs: 0, caches: 0 });
  });

  test("says so when the browser ignores Clear-Site-Data (not a secure connection) and something is left", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "ims_auth", value: "secret", url: SUBDOMAIN_ORIGIN, httpOnly: true }]);
    await page.goto(`${SUBDOMAIN_ORIGIN}${POLICY}`);
    await page.evaluate(() => localStorage.setItem("a", "1"));
    await inspectorReady(page);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await inspector(page).getByRole("button", { name: "Delete all my data on this site" }).click();
    await page
      .getByRole("dialog", { name: "Delete all your data on this site?" })
      .getByRole("button", { name: "Delete everything" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "1 item is still there" })).toBeVisible();
    await expect(row(page, "cookie:ims_auth")).toBeVisible();
    expect(await cookieNames(context)).toEqual(["ims_auth"]);
    expect(await storageKeys(page)).toEqual({ local: [], session: [] });
  });

  test("works when the visitor's cookies are more than the server accepts in a request: what scripts can reach goes first", async ({
    page,
    context,
  }) => {
    await page.goto(POLICY);
    // the inspector's code has come (it loads once the page is idle): from here on the server refuses
    // every request of this browser, the site's scripts included
    await islandsLive(page);
    // cookies of 4 KB each until the server refuses the request's headers (431): past Node's 16 KB
    // default, or whatever limit this server was started with
    const refused = await page.evaluate(async () => {
      for (let i = 0; i < 160; i++) {
        document.cookie = `app_blob_${i}=${"v".repeat(4000)}; path=/`;
        if (i % 4 === 3 && (await fetch("/api/storage/cookies", { cache: "no-store" })).status === 431) return true;
      }
      return false;
    });
    expect(refused).toBe(true);
    await page.evaluate(() => localStorage.setItem("a", "1"));

    const cleared = page.waitForResponse((r) => r.url().endsWith(CLEAR));
    await inspector(page).getByRole("button", { name: "Delete all my data on this site" }).click();
    await page
      .getByRole("dialog", { name: "Delete all your data on this site?" })
      .getByRole("button", { name: "Delete everything" })
      .click();
    expect((await cleared).status()).toBe(200);
    await expect(
      page.getByRole("status").filter({ hasText: "Everything this site kept in your browser has been deleted." }),
    ).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    expect(await storageKeys(page)).toEqual({ local: [], session: [] });
  });

  test("Cancel deletes nothing", async ({ page, context }) => {
    await context.addCookies([{ name: "ims_auth", value: "secret", url: ORIGIN, httpOnly: true }]);
    await page.goto(POLICY);
    await inspectorReady(page);
    await inspector(page).getByRole("button", { name: "Delete all my data on this site" }).click();
    await page
      .getByRole("dialog", { name: "Delete all your data on this site?" })
      .getByRole("button", { name: "Cancel" })
      .click();
    await expect(inspector(page).getByRole("button", { name: "Delete all my data on this site" })).toBeFocused();
    expect(await cookieNames(context)).toEqual(["ims_auth"]);
  });
});

test.describe("the Clear-Site-Data route", () => {
  // the "other site" is this server's 404 under another host name: its CSP (form-action 'self') would
  // stop the cross-site form before it left the browser, and an attacker's page has no such policy
  test.use({ bypassCSP: true });

  test("a cross-site POST from another site's page gets 403 and no Clear-Site-Data; the cookies stay", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "ims_auth", value: "secret", url: ORIGIN, httpOnly: true }]);
    // www.candor.test and localhost are different sites: a form there posting here is cross-site
    await page.goto(`${SUBDOMAIN_ORIGIN}/__attacker-page`);
    const answered = page.waitForResponse((r) => r.url() === `${ORIGIN}${CLEAR}`);
    await page.evaluate((target) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = target;
      document.body.append(form);
      form.submit();
    }, `${ORIGIN}${CLEAR}`);
    const res = await answered;
    const sent = await res.request().allHeaders();
    expect(sent["sec-fetch-site"]).toBe("cross-site");
    expect(sent["origin"]).toBe(SUBDOMAIN_ORIGIN);
    expect(res.status()).toBe(403);
    expect(await res.headerValue("clear-site-data")).toBeNull();
    expect(await cookieNames(context)).toEqual(["ims_auth"]);
  });

  test("refuses cross-site requests, other methods (405 with Allow) and oversize bodies", async ({ request }) => {
    const cross = await request.post(CLEAR, {
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    });
    expect(cross.status()).toBe(403);
    expect(cross.headers()["clear-site-data"]).toBeUndefined();
    const noProof = await request.post(CLEAR);
    expect(noProof.status()).toBe(403);
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const res = await request.fetch(CLEAR, { method });
      expect(res.status(), method).toBe(405);
      expect(res.headers()["allow"], method).toBe("POST");
      expect(res.headers()["clear-site-data"], method).toBeUndefined();
    }
    const big = await request.post(CLEAR, {
      headers: { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN },
      data: "x".repeat(10_000),
    });
    expect(big.status()).toBe(413);
    expect(big.headers()["clear-site-data"]).toBeUndefined();
    const ok = await request.post(CLEAR, { headers: { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN } });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["clear-site-data"]).toBe('"cookies", "storage"');
  });

  test("the cookie echo names the cookies the browser sent, never their values, and is not cached", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "ims_auth", value: "secret-token", url: ORIGIN, httpOnly: true }]);
    await page.goto(POLICY);
    const res = await page.request.get("/api/storage/cookies", { headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(res.headers()["cache-control"]).toBe("no-store");
    const text = await res.text();
    expect(text).not.toContain("secret-token");
    expect(JSON.parse(text)).toEqual({ cookies: [{ name: "ims_auth", size: 20 }] });
  });
});
