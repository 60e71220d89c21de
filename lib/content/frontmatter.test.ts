import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontmatter, splitFrontmatter } from "./frontmatter";

const FILE = "content/en/cookie-policy.mdx";
const good = `---
title: Cookie & Storage Policy
description: How we use cookies.
version: "1.0"
effectiveDate: 2026-11-29
lastUpdated: 2026-11-29
consentRevision: 1
---

## What Are Cookies?
`;

function problemsOf(text: string) {
  const r = parseFrontmatter(text, FILE);
  if (r.success) throw new Error("expected problems");
  return r.problems;
}

describe("parseFrontmatter", () => {
  it("accepts the shipped policy", () => {
    const r = parseFrontmatter(readFileSync(path.join(process.cwd(), FILE), "utf8"), FILE);
    expect(r.success ? [] : r.problems).toEqual([]);
  });

  it("keeps the body's line numbers true", () => {
    const r = parseFrontmatter(good, FILE);
    expect(r.success).toBe(true);
    expect(r.body.split("\n")[9]).toBe("## What Are Cookies?");
  });

  it("reports a file without a header", () => {
    expect(problemsOf("## Hello\n")[0]).toMatchObject({ line: 1, message: expect.stringContaining("header block") });
  });

  it("reports a missing field", () => {
    const [p] = problemsOf(good.replace("consentRevision: 1\n", ""));
    expect(p).toMatchObject({ file: FILE, message: 'The header is missing "consentRevision".' });
    expect(p?.hint).toContain("consentRevision: 1");
  });

  it("reports a wrong value at its own line", () => {
    expect(problemsOf(good.replace("effectiveDate: 2026-11-29", "effectiveDate: 29.11.2026"))[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining("YYYY-MM-DD"),
    });
    expect(problemsOf(good.replace("effectiveDate: 2026-11-29", "effectiveDate: 2026-02-30"))[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining("does not exist"),
    });
    expect(problemsOf(good.replace("consentRevision: 1", "consentRevision: 1.5"))[0]).toMatchObject({ line: 7 });
    expect(problemsOf(good.replace('version: "1.0"', "version: one"))[0]).toMatchObject({ line: 4 });
    expect(problemsOf(good.replace('version: "1.0"', "version: 1.0"))[0]).toMatchObject({
      line: 4,
      message: '"version" should be a text.',
    });
    expect(problemsOf(good.replace("consentRevision: 1", 'consentRevision: "two"'))[0]).toMatchObject({
      line: 7,
      message: '"consentRevision" should be a whole number.',
    });
  });

  it("reports an unknown field and broken YAML", () => {
    expect(problemsOf(good.replace("title:", "titel: x\ntitle:"))[0]?.message).toContain('unknown field "titel"');
    expect(
      problemsOf(good.replace("description: How we use cookies.", "description: [unclosed"))[0]?.message,
    ).toContain("not valid YAML");
  });

  it("splits only a leading header", () => {
    expect(splitFrontmatter("text\n---\na: 1\n---\n").yaml).toBeNull();
  });
});
