import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable, quietChromiumArgs } from "./lib/testing/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3123);
// The site is also reachable as www.candor.test so tests can set cookies on a parent domain (candor.test).
export const TEST_HOST = "www.candor.test";
// Account ids the e2e build runs with (inlined at build): both vendors are active, and the tests
// answer their URLs with stand-ins (lib/testing/vendors.ts).
export const TEST_GA_MEASUREMENT_ID = "G-TEST123";
export const TEST_TIKTOK_PIXEL_ID = "CTEST123";
// The consent log of the server under test (SQLite); specs open it to see what the server stored.
export const TEST_DATA_DIR = process.env.CANDOR_DATA_DIR || path.join(tmpdir(), `candor-e2e-${PORT}`);
/** The /admin/consent password of the server under test. */
export const TEST_ADMIN_PASSWORD = "e2e-admin-password";

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [...quietChromiumArgs, `--host-resolver-rules=MAP *.candor.test 127.0.0.1, MAP candor.test 127.0.0.1`],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // npm start: the production server as deployed, with its 64 KB request-header limit
    command: `npm run build && npm start -- -p ${PORT}`,
    env: {
      NEXT_PUBLIC_GA_MEASUREMENT_ID: TEST_GA_MEASUREMENT_ID,
      NEXT_PUBLIC_TIKTOK_PIXEL_ID: TEST_TIKTOK_PIXEL_ID,
      // the public origin is the name with a parent domain; tests reach the same server as localhost too
      // (where browsers send Sec-Fetch-Site), and www.candor.test is plain http, where they send only Origin
      SITE_URL: `http://${TEST_HOST}:${PORT}`,
      CANDOR_DATA_DIR: TEST_DATA_DIR,
      CANDOR_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      // the e2e server is never pointed at a PostgreSQL by the environment it happens to run in
      DATABASE_URL: "",
    },
    url: `http://localhost:${PORT}/en/cookie-policy`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
