// `npm run dev` as the legal team's preview: a saved edit appears without reloading, and a mistake
// shows a readable page naming file and line instead of a stack trace. Runs its own `next dev` on a
// copy of the project, so the real content/ is never touched.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";

const ROOT = process.cwd();
// Inside the project (Turbopack resolves packages only within it), and a dot folder that lint, tsc and git skip.
const COPY = path.join(ROOT, `.dev-preview-${process.pid}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dev: ChildProcess | undefined;
let base = "";

// A dev server compiles on demand: slow on a busy machine, so each step may take a while.
const STEP = 120_000;
test.describe.configure({ mode: "serial", timeout: 600_000 });

test.beforeAll(async () => {
  test.setTimeout(400_000);
  mkdirSync(COPY);
  for (const entry of [
    "app",
    "components",
    "content",
    "lib",
    "next.config.mjs",
    "postcss.config.mjs",
    "tsconfig.json",
    "package.json",
  ])
    cpSync(path.join(ROOT, entry), path.join(COPY, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(COPY, "node_modules"));
  const port = await freePort();
  base = `http://localhost:${port}`;
  dev = spawn(path.join(ROOT, "node_modules/.bin/next"), ["dev", "-p", String(port)], {
    cwd: COPY,
    detached: true, // its own process group, so the whole server can be stopped
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // the first request compiles the page
  await expect
    .poll(async () => (await fetch(`${base}/en/cookie-policy`).catch(() => null))?.status ?? 0, {
      timeout: 380_000,
      intervals: [2000],
    })
    .toBe(200);
});

test.afterAll(async () => {
  const child = dev;
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal); // the whole group: next dev and its server workers
      } catch {
        // already gone
      }
    };
    stop("SIGTERM");
    if (
      (await Promise.race([exited.then(() => "exited"), new Promise((r) => setTimeout(r, 15_000, "waiting"))])) !==
      "exited"
    )
      stop("SIGKILL");
    await new Promise((r) => setTimeout(r, 1000)); // its workers finish writing their cache
  }
  rmSync(COPY, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 });
});

const policyFile = () => path.join(COPY, "content/en/cookie-policy.mdx");
const registryFile = () => path.join(COPY, "content/registry.yaml");

test("a saved edit appears on its own; a mistake shows file, line and what to write", async ({ page, context }) => {
  await routeVendors(context);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const original = readFileSync(policyFile(), "utf8");
  const registry = readFileSync(registryFile(), "utf8");

  await page.goto(`${base}/en/cookie-policy`);
  await expect(page.getByRole("heading", { level: 2, name: "What Are Cookies?" })).toBeVisible();
  // the preview listens for saves once hydrated and connected
  await expect(page.locator("html")).toHaveAttribute("data-content-reload", "watching", { timeout: STEP });

  writeFileSync(policyFile(), original.replace("## What Are Cookies?", "## What Exactly Are Cookies?"));
  await expect(page.getByRole("heading", { level: 2, name: "What Exactly Are Cookies?" })).toBeVisible({
    timeout: STEP,
  });
  expect(page.url()).toBe(`${base}/en/cookie-policy`); // no reload by hand

  // A mistyped category: the page says where and what to write, with the line itself.
  const line = original.split("\n").findIndex((l) => l.includes('<DeclarationTable category="functional" />')) + 1;
  writeFileSync(
    policyFile(),
    original.replace('<DeclarationTable category="functional" />', '<DeclarationTable category="functionl" />'),
  );
  const problems = page.getByRole("region", { name: /This page cannot be shown: 1 problem/ });
  await expect(problems).toBeVisible({ timeout: STEP });
  await expect(problems).toContainText(`content/en/cookie-policy.mdx:${line}:19`);
  await expect(problems).toContainText('Unknown category "functionl".');
  await expect(problems).toContainText('Did you mean "functional"?');
  await expect(problems.getByLabel(`content/en/cookie-policy.mdx around line ${line}`)).toContainText(
    '<DeclarationTable category="functionl" />',
  );
  await expect(page.getByText(/at .*\.(tsx?|js):\d+/)).toHaveCount(0); // no stack trace

  // Fixed: the policy is back.
  writeFileSync(policyFile(), original);
  await expect(page.getByRole("heading", { level: 2, name: "What Are Cookies?" })).toBeVisible({ timeout: STEP });

  // Broken registry YAML: the page names the registry's line.
  writeFileSync(
    registryFile(),
    registry.replace(
      "      en: Remembers whether you chose the light or dark theme.",
      '      en: "Remembers whether you chose the light or dark theme.',
    ),
  );
  const yaml = page.getByRole("region", { name: /This page cannot be shown/ });
  await expect(yaml).toBeVisible({ timeout: STEP });
  await expect(yaml).toContainText(/content\/registry\.yaml:\d+:\d+/);
  await expect(yaml).toContainText('the quote (") opened here is never closed');

  // A problem that does not stop the page (a missing translation) is shown above the policy.
  writeFileSync(
    registryFile(),
    registry.replace(/\n {6}de: Speichert, ob Sie das helle oder das dunkle Farbschema gewählt haben\./, ""),
  );
  const notice = page.getByRole("region", { name: /Preview only: 1 problem/ });
  await expect(notice).toBeVisible({ timeout: STEP });
  await expect(notice).toContainText('In the item "candor:theme": the German (de) text of "purpose" is missing.');
  await expect(page.getByRole("heading", { level: 1, name: "Cookie & Storage Policy" })).toBeVisible();

  writeFileSync(registryFile(), registry);
  await expect(notice).toBeHidden({ timeout: STEP });
  expect(errors).toEqual([]);
});

test("the live-reload stream is not served by a production build", async ({ request }) => {
  const res = await request.get("/api/dev/content-changes");
  expect(res.status()).toBe(404);
});
