import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./cli";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
// The fixtures are written for these two languages, whatever languages the site gains later.
const LANGUAGES = ["en", "de"];

async function run(argv: string[], languages?: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, languages);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const fixture = (name: string) => run(["--root", path.join(FIXTURES, name)], LANGUAGES);

/** One fixture per class of mistake: where the check must point, and what it must say. */
const cases: Array<{ name: string; at: string; message: string; hint?: string }> = [
  {
    name: "yaml-syntax",
    at: "content/registry.yaml:38:11",
    message: 'This is not valid YAML: the quote (") opened here is never closed.',
    hint: 'End the text with " on the same line',
  },
  {
    name: "unknown-component",
    at: "content/en/cookie-policy.mdx:12:1",
    message: "Unknown component <Calout>.",
    hint: "Did you mean <Callout>?",
  },
  {
    name: "unknown-category",
    at: "content/de/cookie-policy.mdx:24:19",
    message: 'Unknown category "analitycs".',
    hint: 'Did you mean "analytics"?',
  },
  {
    name: "missing-frontmatter-field",
    at: "content/de/cookie-policy.mdx:2:1",
    message: 'The header is missing "lastUpdated".',
    hint: "For example: lastUpdated: 2026-11-29",
  },
  {
    name: "unclosed-jsx",
    at: "content/en/cookie-policy.mdx:12:1",
    message: "<Callout> is opened here but never closed.",
    hint: "Add </Callout> on its own line after the text it wraps",
  },
  {
    name: "undeclared-item",
    at: "content/registry.yaml:20:9",
    message: 'No declaration table shows the category "security", so its item ims_rl is declared nowhere on the page.',
    hint: 'Add <DeclarationTable category="security" /> to the policy in every language.',
  },
  {
    name: "missing-table-in-one-language",
    at: "content/de/cookie-policy.mdx:22:1",
    message: 'The German (de) edition has no declaration table for the category "analytics" (_ga).',
    hint: "where content/en/cookie-policy.mdx has it (line 24)",
  },
  {
    name: "missing-translation",
    at: "content/registry.yaml:37:7",
    message: 'In the item "_ga": the German (de) text of "purpose" is missing.',
    hint: 'Add a line "de: …" under "purpose:"',
  },
  {
    name: "broken-anchor",
    at: "content/en/cookie-policy.mdx:28:5",
    message: 'The link to "#what-we-stor" leads nowhere: this edition has no section with that id.',
    hint: 'Did you mean "#what-we-store"?',
  },
  {
    name: "sections-differ",
    at: "content/de/cookie-policy.mdx:24:1",
    message: 'here comes "## Cookies verwalten", where content/en/cookie-policy.mdx has "### Analytics" (line 22).',
  },
  {
    name: "changelog-behind",
    at: "content/changelog.yaml:2:14",
    message: 'The newest change is for version 1.0, but the policy header says version "1.1".',
    hint: 'Add an entry for version "1.1" at the top of the list',
  },
];

describe("npm run content:check on broken content", () => {
  it("has a test for every fixture folder", () => {
    const folders = readdirSync(FIXTURES).filter((f) => f !== "valid");
    expect(folders.sort()).toEqual(cases.map((c) => c.name).sort());
  });

  for (const c of cases) {
    it(`exits 1 and points at ${c.at} for ${c.name}`, async () => {
      const { code, err, out } = await fixture(c.name);
      expect(code).toBe(1);
      expect(out).toBe("");
      // exactly one problem: the fixture's one mistake, with no knock-on reports
      expect(err).toMatch(/✗ 1 problem in content\//);
      const first = err.split("\n")[0]!;
      expect(first.startsWith(`${c.at}  `), first).toBe(true);
      expect(first).toContain(c.message);
      if (c.hint) expect(err.split("\n")[1]).toContain(c.hint);
    });
  }

  it("passes the valid fixture that every broken one was made from", async () => {
    const { code, out, err } = await fixture("valid");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("2 languages, 2 declared cookies and storage keys, 1 version");
  });

  it("passes the content this site ships", async () => {
    const { code, out, err } = await run([]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^✓ content\/ is ready to publish/);
  });

  it("refuses an unknown option with exit 2", async () => {
    const { code, err } = await run(["--fix"]);
    expect(code).toBe(2);
    expect(err).toContain("Unknown option --fix");
  });
});

// Each case starts a Node process that compiles the CLI with tsx: seconds on a busy machine.
describe("the content:check command", { timeout: 30_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/content-check/cli.ts", ...args], {
      cwd: process.cwd(),
      encoding: "utf8",
    });

  it("exits 1 with the problem on stderr when content is broken", () => {
    const r = cli("--root", path.join(FIXTURES, "unknown-component"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("content/en/cookie-policy.mdx:12:1  Unknown component <Calout>.");
  });

  it("exits 0 on the shipped content", () => {
    const r = cli();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("is what npm test and next build run first", async () => {
    const { default: pkg } = await import("../../package.json", { with: { type: "json" } });
    expect(pkg.scripts.prebuild).toMatch(/^npm run content:check( && |$)/);
    expect(pkg.scripts.test).toContain("npm run content:check");
    expect(pkg.scripts["content:check"]).toBe("tsx scripts/content-check/cli.ts");
  });
});
