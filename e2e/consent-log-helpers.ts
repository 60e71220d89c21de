// Shared by the consent log specs: the log the server under test writes, what its events must say
// (worked out from content/ and the strings, never retyped), the outbox in the page, and servers of our
// own for the PostgreSQL and dashboard specs.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { fillConsentWording } from "../lib/consent/wording";
import { type ConsentDb, type DbConfig, dbConfig, openDb } from "../lib/consent-log/db";
import { sha256, wordingHash } from "../lib/consent-log/hashes";
import { OUTBOX_KEY } from "../lib/consent-log/outbox";
import { policyFile, REGISTRY_FILE } from "../lib/content/paths";
import type { Locale } from "../lib/i18n/locales";
import { getStrings } from "../lib/i18n/strings";
import { toClientRegistry } from "../lib/registry/client";
import { parseRegistry } from "../lib/registry/parse";
import { TEST_DATA_DIR } from "../playwright.config";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3123);

/** The SQLite log of the server Playwright started. */
export const embeddedConfig = (): DbConfig => dbConfig({ CANDOR_DATA_DIR: TEST_DATA_DIR });

export const openLog = (config: DbConfig): Promise<ConsentDb> => openDb(config);

export function registry() {
  const parsed = parseRegistry(readFileSync(REGISTRY_FILE, "utf8"), REGISTRY_FILE);
  if (!parsed.success) throw new Error(`${REGISTRY_FILE} does not parse`);
  return parsed.data;
}

/** The ids an Accept all grants and a withdrawal keeps, from the registry. */
export function expectedChoices() {
  const reg = registry();
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    allCategories: sorted(reg.categories.map((c) => c.id)),
    requiredCategories: sorted(reg.categories.filter((c) => c.required).map((c) => c.id)),
    optionalCategories: sorted(reg.categories.filter((c) => !c.required).map((c) => c.id)),
    allServices: sorted(reg.services.map((s) => s.id)),
  };
}

/** The hashes a page of `locale` must send: of its policy file and of its consent wording as shown
 * (the strings filled in with the registry's names, as the layout does). */
export function expectedProof(locale: Locale) {
  const client = toClientRegistry(registry(), locale, {});
  return {
    policyHash: sha256(readFileSync(policyFile(locale), "utf8")),
    wordingHash: wordingHash(fillConsentWording(getStrings(locale).consent, client), client),
  };
}

export const outboxPending = (page: Page) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw).pending as unknown[]).length : 0;
  }, OUTBOX_KEY);

export async function outboxEmptied(page: Page) {
  await expect.poll(() => outboxPending(page), { timeout: 10_000 }).toBe(0);
}

export const storedRecordOf = async (
  page: Page,
): Promise<{ id: string; decidedAt: string; revision: number; policyVersion: string }> =>
  JSON.parse((await page.evaluate(() => localStorage.getItem("candor:consent")))!);

/** A `next start` of the build Playwright made, on `port`, with `env`; stopped by stop(). */
export async function startServer(
  port: number,
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited:\n${output}`);
    try {
      if ((await fetch(`${url}/en/cookie-policy`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`next start on ${port} did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
