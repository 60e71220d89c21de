import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareVersions, impliedConsentRevision, parseChangelog } from "./changelog";

const FILE = "content/changelog.yaml";
const good = `changes:
  - version: "1.1"
    date: 2027-03-01
    asksConsentAgain: true
    summary:
      en: Added TikTok.
      de: TikTok ergänzt.
  - version: "1.0"
    date: 2026-11-29
    summary:
      en: First publication.
`;

const problemsOf = (text: string) => {
  const r = parseChangelog(text, FILE);
  if (r.success) throw new Error("expected problems");
  return r.problems;
};

describe("the changelog", () => {
  it("accepts the shipped changelog", () => {
    const r = parseChangelog(readFileSync(path.join(process.cwd(), FILE), "utf8"), FILE);
    expect(r.success ? [] : r.problems).toEqual([]);
  });

  it("reads entries newest first, asksConsentAgain defaulting to false", () => {
    const r = parseChangelog(good, FILE);
    expect(r.success && r.data.changes.map((c) => [c.version, c.asksConsentAgain])).toEqual([
      ["1.1", true],
      ["1.0", false],
    ]);
  });

  it("implies consentRevision 1 plus one per change that asked again", () => {
    const r = parseChangelog(good, FILE);
    expect(r.success && impliedConsentRevision(r.data)).toBe(2);
  });

  it("reports entries out of order at the older entry's version", () => {
    const swapped = good.replace('version: "1.1"', 'version: "0.9"');
    expect(problemsOf(swapped)[0]).toMatchObject({
      line: 8,
      message: expect.stringContaining("from newest to oldest"),
    });
  });

  it("reports a newer version dated before an older one", () => {
    expect(problemsOf(good.replace("2027-03-01", "2026-01-01"))[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining("before the older version 1.0"),
    });
  });

  it("names the entry and field of a mistake", () => {
    expect(
      problemsOf(good.replace("    asksConsentAgain: true\n", "    asksConsentAgain: yes please\n"))[0],
    ).toMatchObject({
      line: 4,
      message: 'In the change for version 1.1: "asksConsentAgain" should be true or false.',
    });
    expect(problemsOf(good.replace("    date: 2026-11-29\n", ""))[0]).toMatchObject({
      message: 'In the change for version 1.0: the field "date" is missing.',
    });
    expect(problemsOf(good.replace('version: "1.0"', "version: 1.0"))[0]?.hint).toContain('version: "1.1"');
    expect(problemsOf("- version: 1\n")[0]?.message).toContain('must start with "changes:"');
  });

  it("compares versions by number", () => {
    expect(compareVersions("1.10", "1.9")).toBe(1);
    expect(compareVersions("2", "2.0.0")).toBe(0);
    expect(compareVersions("1.0.1", "1.1")).toBe(-1);
  });
});
