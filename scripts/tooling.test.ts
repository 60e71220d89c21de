// The checks `npm test` relies on to keep the codebase's shape fail when they should: ESLint on an
// import cycle and on imports against the direction app -> components -> lib, Biome on unformatted code.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });
const rulesHit = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

describe("the import rules", { timeout: 60_000 }, () => {
  it("fail on an import cycle", async () => {
    // de.ts already imports en.ts, so en.ts importing de.ts closes a cycle
    // store.ts imports record.ts, so record.ts importing store.ts closes a cycle
    const code = 'import { createConsentStore } from "./store";\nexport const make = createConsentStore;\n';
    expect(await rulesHit("lib/consent/record.ts", code)).toContain("import/no-cycle");
  });

  it("fail when lib/ imports a component", async () => {
    const code =
      'import { useConsent } from "../../components/consent/consent-context";\nexport const u = useConsent;\n';
    expect(await rulesHit("lib/consent/choices.ts", code)).toContain("no-restricted-imports");
  });

  it("fail when lib/ uses the @/ alias", async () => {
    const code = 'import { RECORD_KEY } from "@/lib/consent/record";\nexport const k = RECORD_KEY;\n';
    expect(await rulesHit("lib/storage/usage.ts", code)).toContain("no-restricted-imports");
  });

  it("fail when a script imports a component", async () => {
    const code = 'import { Callout } from "@/components/mdx/callout";\nexport const c = Callout;\n';
    expect(await rulesHit("scripts/cli.ts", code)).toContain("no-restricted-imports");
  });

  it("let lib/ import lib/", async () => {
    const code = 'import { RECORD_KEY } from "./record";\nexport const k = RECORD_KEY;\n';
    expect(await rulesHit("lib/consent/choices.ts", code)).toEqual([]);
  });
});

describe("the formatter", { timeout: 30_000 }, () => {
  // The project's biome.json in a folder of its own, so the check sees exactly one file.
  const check = (code: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), "candor-biome-"));
    try {
      const config = JSON.parse(readFileSync("biome.json", "utf8")) as Record<string, unknown>;
      delete config.vcs;
      delete config.$schema;
      writeFileSync(path.join(dir, "biome.json"), JSON.stringify(config));
      mkdirSync(path.join(dir, "lib"));
      writeFileSync(path.join(dir, "lib/x.ts"), code);
      return spawnSync(process.execPath, [path.resolve("node_modules/@biomejs/biome/bin/biome"), "check", "lib"], {
        cwd: dir,
        encoding: "utf8",
      }).status;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("fails on unformatted code", () => {
    expect(check("export const x   =  {a:1}\n")).not.toBe(0);
  });

  it("fails on imports out of order", () => {
    expect(check('import { b } from "./b";\nimport { a } from "./a";\n\nexport const x = [a, b];\n')).not.toBe(0);
  });

  it("passes formatted code", () => {
    expect(check('import { a } from "./a";\nimport { b } from "./b";\n\nexport const x = [a, b];\n')).toBe(0);
  });

  it("runs first in npm test", async () => {
    const { default: pkg } = await import("../package.json", { with: { type: "json" } });
    expect(pkg.scripts.test.startsWith("npm run format:check && ")).toBe(true);
    expect(pkg.scripts["format:check"]).toBe("biome check .");
  });
});
