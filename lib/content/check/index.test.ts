import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mdxComponentSpecs } from "../mdx-specs";
import { checkContent } from ".";

const VALID = path.join(process.cwd(), "scripts/content-check/fixtures/valid");
const roots: string[] = [];

/** A copy of the valid fixture, changed by `edit(relativePath, text) => text` per file. */
function tree(edits: Record<string, (text: string) => string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "candor-check-"));
  roots.push(root);
  cpSync(VALID, root, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(root, file);
    writeFileSync(full, edit(readFileSync(full, "utf8")));
  }
  return root;
}

afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const check = (root: string, locales = ["en", "de"]) =>
  checkContent({ root, locales, defaultLocale: "en", specs: mdxComponentSpecs });

const replace = (a: string, b: string) => (t: string) => {
  if (!t.includes(a)) throw new Error(`fixture lacks ${a}`);
  return t.replace(a, b);
};

describe("checks across files", () => {
  it("finds nothing wrong in the valid fixture", async () => {
    const r = await check(tree());
    expect(r.problems).toEqual([]);
    expect(r.blocked).toEqual([]);
  });

  it("asks every language to agree on version, dates and consentRevision", async () => {
    const r = await check(
      tree({ "content/de/cookie-policy.mdx": replace("effectiveDate: 2026-11-29", "effectiveDate: 2026-11-30") }),
    );
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "content/de/cookie-policy.mdx",
        line: 5,
        column: 16,
        message:
          '"effectiveDate" is "2026-11-30" here but "2026-11-29" in content/en/cookie-policy.mdx; every language must say the same.',
        hint: "Write effectiveDate: 2026-11-29",
      }),
    ]);
  });

  it("holds consentRevision to the changes that asked for consent again", async () => {
    const raised = (t: string) => t.replace("consentRevision: 1", "consentRevision: 2");
    const r = await check(tree({ "content/en/cookie-policy.mdx": raised, "content/de/cookie-policy.mdx": raised }));
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "content/en/cookie-policy.mdx",
        line: 7,
        message:
          "consentRevision is 2, but the changelog marks no change with asksConsentAgain: true, so it should be 1.",
      }),
    ]);
  });

  it("holds the newest change's date to lastUpdated", async () => {
    const r = await check(tree({ "content/changelog.yaml": replace("date: 2026-11-29", "date: 2026-11-28") }));
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "content/changelog.yaml",
        line: 3,
        message: expect.stringContaining("lastUpdated: 2026-11-29"),
      }),
    ]);
  });

  it("asks for every language's summary in the changelog", async () => {
    const r = await check(tree({ "content/changelog.yaml": replace("      de: Erste Veröffentlichung.\n", "") }));
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "content/changelog.yaml",
        line: 6,
        message: 'In the change for version 1.0: the German (de) text of "summary" is missing.',
      }),
    ]);
  });

  it("reports a text in a language the site does not have", async () => {
    const r = await check(
      tree({
        "content/registry.yaml": replace(
          "      de: Zählt Besuche.\n",
          "      de: Zählt Besuche.\n      fr: Compte les visites.\n",
        ),
      }),
    );
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 19,
        column: 11,
        message: 'In the category "analytics": "description" has a text in "fr", which is not a language of this site.',
        hint: "The site's languages are: en, de.",
      }),
    ]);
  });

  it("asks every language to use the same components in the same sections", async () => {
    const r = await check(
      tree({
        "content/de/cookie-policy.mdx": replace(
          "<Callout>\n\nAlles ist unten aufgeführt.\n\n</Callout>\n",
          "Alles ist unten aufgeführt.\n",
        ),
        "content/en/cookie-policy.mdx": replace("## Managing cookies\n", "## Managing cookies\n\n<CookieSettings />\n"),
      }),
    );
    expect(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'content/de/cookie-policy.mdx:10 The section "## Was wir speichern" (in content/en/cookie-policy.mdx: "## What we store", line 10) lacks <Callout>.',
      'content/de/cookie-policy.mdx:22 The section "## Cookies verwalten" (in content/en/cookie-policy.mdx: "## Managing cookies", line 26) lacks <CookieSettings>.',
    ]);
  });

  it("checks links to other pages of the site and their sections", async () => {
    const r = await check(
      tree({
        "content/en/cookie-policy.mdx": (t) =>
          `${t}\n[a](/de/cookie-policy#was-wir-speichern) [b](/de/cookie-policy#what-we-store) [c](/fr/cookie-policy) [d](/#changes) [e](cookie-policy) [f](javascript:alert(1)) [g](https://example.com/x#y) [h](mailto:a@b.c)\n`,
      }),
    );
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '30:42 The link to "#what-we-store" leads nowhere: the German (de) edition has no section with that id.',
      '30:79 There is no page at "/fr/cookie-policy" on this site.',
      '30:117 "cookie-policy" is not a complete address.',
      '30:136 Links starting with "javascript:" cannot be used.',
    ]);
  });

  it("reports a link whose % is not a character code as a problem, instead of crashing", async () => {
    const r = await check(
      tree({ "content/en/cookie-policy.mdx": (t) => `${t}\n[x](#50%) [y](/de/cookie-policy#%E0%A4%A) [z](#%C3%A4)\n` }),
    );
    expect(r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'content/en/cookie-policy.mdx:30:1 The link to "#50%" has a % that does not start a character code, so browsers cannot tell which section it means.',
      'content/en/cookie-policy.mdx:30:11 The link to "/de/cookie-policy#%E0%A4%A" has a % that does not start a character code, so browsers cannot tell which section it means.',
      'content/en/cookie-policy.mdx:30:43 The link to "#ä" leads nowhere: this edition has no section with that id.',
    ]);
  });

  it("keeps the page's own ids free", async () => {
    const r = await check(
      tree({
        "content/en/cookie-policy.mdx": replace("## Managing cookies", "## Changes"),
        "content/de/cookie-policy.mdx": replace("## Cookies verwalten", "## Änderungen"),
      }),
    );
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "content/en/cookie-policy.mdx",
        line: 26,
        message: expect.stringContaining('id "changes"'),
      }),
    ]);
  });

  it("reports a missing edition and marks it as not renderable", async () => {
    const root = tree();
    rmSync(path.join(root, "content/de/cookie-policy.mdx"));
    const r = await check(root);
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "content/de/cookie-policy.mdx",
        line: 1,
        message: "The German (de) edition of the policy is missing.",
      }),
    ]);
    expect(r.blocked).toEqual(["de"]);
  });

  it("reports folders and files that would silently not be published", async () => {
    const root = tree();
    mkdirSync(path.join(root, "content/fr"));
    mkdirSync(path.join(root, "content/dee"));
    writeFileSync(path.join(root, "content/en/cookie-policy.md"), "");
    writeFileSync(path.join(root, "content/registry.yml"), "");
    mkdirSync(path.join(root, "lib/i18n/strings"), { recursive: true });
    writeFileSync(path.join(root, "lib/i18n/strings/it.ts"), "");
    const messages = (await check(root)).problems.map((p) => `${p.file} ${p.message} ${p.hint ?? ""}`);
    expect(messages).toEqual([
      'content/dee/ The folder "dee" is not a language of this site, so nothing in it is published. Did you mean "de"?',
      'content/en/cookie-policy.md "cookie-policy.md" is not used: each language folder holds only cookie-policy.mdx. Did you mean "cookie-policy.mdx"?',
      'content/fr/ The folder "fr" is not a language of this site, so nothing in it is published. The site\'s languages are: en, de. To add a language, see "Adding a language" in docs/editing-the-policy.md.',
      'content/registry.yml "registry.yml" is not used by the site. Did you mean "registry.yaml"?',
      'lib/i18n/strings/it.ts The strings file for "it" is not registered, so the site has no Italian (it) edition. Add it to the catalog in lib/i18n/strings/index.ts.',
    ]);
  });

  it("finds the registry's own problems and still checks the MDX", async () => {
    const r = await check(
      tree({
        "content/registry.yaml": replace(
          "    category: analytics\n    provider: Google",
          "    category: analytic\n    provider: Google",
        ),
        "content/en/cookie-policy.mdx": replace("<Callout>", '<Callout tone="loud">'),
      }),
    );
    expect(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'content/en/cookie-policy.mdx:12 The setting "tone" of <Callout> must be one of: info, warning.',
      'content/registry.yaml:34 In the item "_ga": Unknown category "analytic".',
    ]);
    expect(r.blocked).toEqual(["en", "de"]);
  });
});
