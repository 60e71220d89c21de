import { describe, expect, it } from "vitest";
import { parseRegistry } from "../../registry/parse";
import type { Registry } from "../../registry/schema";
import { mdxComponentSpecs } from "../mdx-specs";
import { analyzeMdx } from "./mdx";
import { registryRefs } from "./refs";

const FILE = "content/en/cookie-policy.mdx";

const registryYaml = `
categories:
  - id: necessary
    required: true
    title: { en: Strictly Necessary }
    description: { en: Needed. }
  - id: analytics
    title: { en: Analytics }
    description: { en: Counting. }
services:
  - id: ga4
    name: Google Analytics 4
    provider: Google
    category: analytics
    privacyUrl: https://policies.google.com/privacy
    description: { en: Measures use. }
items:
  - { name: _ga, storage: cookie, category: analytics, service: ga4, purpose: { en: Counts. }, duration: 2y }
  - { name: candor:consent, storage: localStorage, category: necessary, provider: Us, purpose: { en: Choices. }, duration: 6mo }
`;

function registry(): Registry {
  const r = parseRegistry(registryYaml, "content/registry.yaml");
  if (!r.success) throw new Error(JSON.stringify(r.problems));
  return r.data;
}

function analyze(body: string, reg: Registry | null = registry()) {
  const { refs, knownValues } = registryRefs(reg);
  return analyzeMdx(body, FILE, { specs: mdxComponentSpecs(refs), registry: reg, knownValues });
}

const only = (body: string) => {
  const { problems } = analyze(body);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0]!;
};

describe("reading MDX the way the legal team writes it", () => {
  it("accepts Markdown and the known components, collecting headings with the page's ids", () => {
    const a = analyze(
      '## What Are Cookies?\n\n<Callout tone="warning">\n\n### Local Storage vs. Cookies\n\n</Callout>\n\n<DeclarationTable category="analytics" />\n\n## What Are Cookies?\n',
    );
    expect(a.problems).toEqual([]);
    expect(a.headings.map((h) => [h.depth, h.id, h.line])).toEqual([
      [2, "what-are-cookies", 1],
      [3, "local-storage-vs-cookies", 5],
      [2, "what-are-cookies-1", 11],
    ]);
    expect([...a.declared].map((i) => i.name)).toEqual(["_ga"]);
  });

  it("keeps notes in {/* */} and refuses other curly braces", () => {
    expect(analyze("Text {/* a note for the team */} here.\n").problems).toEqual([]);
    expect(only("Costs {price} per month.\n")).toMatchObject({
      line: 1,
      column: 7,
      message: expect.stringContaining("{price}"),
    });
  });

  it("refuses program code", () => {
    expect(only('import X from "y"\n\n## A\n')).toMatchObject({
      line: 1,
      message: expect.stringContaining("import or export"),
    });
  });

  it("says a # heading is the title and #####+ goes too deep", () => {
    expect(only("# Cookies\n")).toMatchObject({
      line: 1,
      hint: "Start a section with ## (a subsection with ###): ## Cookies",
    });
    expect(only("## A\n\n##### Deep\n")).toMatchObject({ line: 3, message: expect.stringContaining("three levels") });
  });

  it("names unknown components and HTML tags, suggesting the closest component", () => {
    expect(only('<DeclarationTabel category="analytics" />\n')).toMatchObject({
      message: "Unknown component <DeclarationTabel>.",
      hint: "Did you mean <DeclarationTable>?",
    });
    expect(only("<div>hi</div>\n")).toMatchObject({
      message: "HTML tags such as <div> cannot be used in the policy.",
      hint: expect.stringContaining("<Callout>"),
    });
    expect(only("<>x</>\n").message).toContain("Empty tags");
  });

  it("checks each setting against the component's props, at the setting's own column", () => {
    expect(only('<DeclarationTable categry="analytics" />\n')).toMatchObject({
      column: 19,
      message: '<DeclarationTable> has no setting "categry".',
      hint: 'Did you mean "category"?',
    });
    expect(only("<DeclarationTable />\n")).toMatchObject({
      message: '<DeclarationTable> needs the setting category="…".',
      hint: expect.stringContaining("Known: necessary, analytics."),
    });
    expect(only('<DeclarationTable category="analitycs" />\n')).toMatchObject({
      column: 19,
      message: 'Unknown category "analitycs".',
      hint: 'Did you mean "analytics"?',
    });
    expect(only('<Callout tone="warn">\n\nx\n\n</Callout>\n')).toMatchObject({
      message: 'The setting "tone" of <Callout> must be one of: info, warning.',
      hint: 'Did you mean "warning"?',
    });
    expect(only("<DeclarationTable category />\n")).toMatchObject({
      message: 'The setting "category" of <DeclarationTable> needs a value.',
    });
    expect(only('<Table caption="">\n\n| a |\n| - |\n| 1 |\n\n</Table>\n').message).toContain("must not be empty");
  });

  it("asks for quotes instead of curly braces in settings", () => {
    expect(only('<DeclarationTable category={"analytics"} />\n')).toMatchObject({ hint: 'Write category="analytics"' });
    expect(only("<DeclarationTable {...props} />\n").message).toContain("curly braces");
  });

  it("refuses text inside a component that wraps nothing", () => {
    expect(only('<DeclarationTable category="analytics">\n\nText\n\n</DeclarationTable>\n').message).toBe(
      "<DeclarationTable> does not wrap any text.",
    );
  });

  it("accepts any id while the registry itself is broken (its own problems are reported)", () => {
    expect(analyze('<DeclarationTable category="anything" />\n', null).problems).toEqual([]);
  });

  it("collects links and link definitions with their places", () => {
    expect(analyze("See [this](#a) and [that][x].\n\n[x]: /en/cookie-policy#b\n").links).toEqual([
      { url: "#a", line: 1, column: 5 },
      { url: "/en/cookie-policy#b", line: 3, column: 1 },
    ]);
  });
});

describe("MDX syntax mistakes in plain words", () => {
  it("points an unclosed component at its opening tag", () => {
    expect(only("## A\n\n<Callout>\n\nText\n\n## B\n")).toMatchObject({
      line: 3,
      column: 1,
      message: "<Callout> is opened here but never closed.",
    });
  });
  it("explains a closing tag that does not match", () => {
    expect(only("<Callout>\n\ntext\n\n</Table>\n")).toMatchObject({
      line: 5,
      message: expect.stringContaining("<Callout> (line 1) must be closed first"),
    });
  });
  it("explains a stray closing tag", () => {
    expect(only("text\n\n</Callout>\n")).toMatchObject({
      line: 3,
      message: "This closing tag closes a component that was never opened.",
    });
  });
  it("tells how to write a less-than sign", () => {
    expect(only("Less than 3<4 days.\n")).toMatchObject({ line: 1, column: 12, hint: expect.stringContaining("\\<") });
  });
  it("tells how to write a link instead of <https://…>", () => {
    expect(only("See <https://example.com>.\n")).toMatchObject({
      line: 1,
      column: 5,
      hint: expect.stringContaining("[text](https://example.com)"),
    });
  });
  it("tells how to write a note instead of an HTML comment", () => {
    expect(only("<!-- note -->\n")).toMatchObject({
      line: 1,
      column: 1,
      hint: expect.stringContaining("{/* your note */}"),
    });
  });
  it("asks for quotes around a setting's value", () => {
    expect(only("<DeclarationTable category=analytics />\n")).toMatchObject({
      column: 28,
      hint: 'For example: category="analytics"',
    });
  });
  it("points an unclosed quote at the setting", () => {
    expect(only('<DeclarationTable category="analytics />\n\nMore text.\n')).toMatchObject({
      line: 1,
      column: 27,
      message: expect.stringContaining("no closing quote"),
    });
  });
  it("points an unfinished tag at its start", () => {
    expect(only('Intro.\n\n<Callout tone="info"\n\ntext\n')).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringContaining("never finished"),
    });
  });
  it("explains an unclosed curly brace", () => {
    expect(only("Hello {world\n\nmore\n")).toMatchObject({ line: 1, column: 7, message: 'A "{" is never closed.' });
  });
});
