import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable, quietChromiumArgs } from "./lib/testing/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3123);
// The site is also reachable as www.candor.test so tests can set cookies on a parent domain (candor.test).
export const TEST_HOST = "www.candor.test";
// Account ids the e2e build runs with (inlined at build): both vendors are active, and the tests
// answer their URLs with stand-ins (lib/testing/vendors.ts).
export const TEST_GA_MEASUREMENT_ID = "G-TEST123";
export const TEST_TIKTOK_PIXEL_ID = "CTEST123";

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
    command: `npm run build && npx next start -p ${PORT}`,
    env: { NEXT_PUBLIC_GA_MEASUREMENT_ID: TEST_GA_MEASUREMENT_ID, NEXT_PUBLIC_TIKTOK_PIXEL_ID: TEST_TIKTOK_PIXEL_ID },
    url: `http://localhost:${PORT}/en/cookie-policy`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
