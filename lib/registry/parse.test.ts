import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRegistry } from "./parse";

const FILE = "content/registry.yaml";
const shipped = readFileSync(path.join(process.cwd(), FILE), "utf8");

function problemsOf(text: string) {
  const r = parseRegistry(text, FILE);
  if (r.success) throw new Error("expected problems");
  return r.problems;
}

const minimal = `categories:
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
    description: { en: Measures. }
items:
  - name: _ga
    storage: cookie
    category: analytics
    service: ga4
    purpose: { en: Distinguishes visitors. }
    duration: 2y
`;

describe("parseRegistry", () => {
  it("accepts the shipped registry", () => {
    const r = parseRegistry(shipped, FILE);
    expect(r.success ? [] : r.problems).toEqual([]);
    if (!r.success) return;
    expect(r.data.categories.map((c) => c.id)).toEqual([
      "necessary",
      "analytics",
      "advertising",
      "functional",
      "security",
    ]);
    expect(r.data.categories.filter((c) => c.required).map((c) => c.id)).toEqual(["necessary", "security"]);
    expect(r.data.services.find((s) => s.id === "tiktok")?.advertising).toBe(true);
    const names = r.data.items.map((i) => i.name);
    for (const n of [
      "_ga",
      "_ga_*",
      "_ttp",
      "_tt_enable_cookie",
      "ttcsid*",
      "ttclid",
      "candor:consent",
      "candor:theme",
    ])
      expect(names).toContain(n);
  });

  it("accepts a minimal registry and fills defaults", () => {
    const r = parseRegistry(minimal, FILE);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.items[0]?.httpOnly).toBe(false);
      expect(r.data.items[0]?.scope).toBe("site");
      expect(r.data.categories[1]?.required).toBe(false);
    }
  });

  it("reports broken YAML with its line", () => {
    const [p] = problemsOf(minimal.replace("  - id: analytics\n", "  - id: analytics\n   oops: [\n"));
    expect(p?.file).toBe(FILE);
    expect(p?.message).toMatch(/not valid YAML/);
    expect(p?.line).toBeGreaterThanOrEqual(6);
  });

  it("names an unknown category at its line and suggests the right one", () => {
    const [p] = problemsOf(
      minimal.replace("    category: analytics\n    service: ga4", "    category: analitycs\n    service: ga4"),
    );
    expect(p).toMatchObject({ file: FILE, line: 19, message: expect.stringContaining('Unknown category "analitycs"') });
    expect(p?.message).toContain('In the item "_ga"');
    expect(p?.hint).toBe('Did you mean "analytics"?');
  });

  it("names an unknown service", () => {
    const [p] = problemsOf(minimal.replace("service: ga4", "service: ga5"));
    expect(p).toMatchObject({
      line: 20,
      message: expect.stringContaining('Unknown service "ga5"'),
      hint: 'Did you mean "ga4"?',
    });
  });

  it("reports a missing field on the entry's line", () => {
    const [p] = problemsOf(minimal.replace("    purpose: { en: Distinguishes visitors. }\n", ""));
    expect(p).toMatchObject({ line: 17, message: 'In the item "_ga": the field "purpose" is missing.' });
  });

  it("reports an unknown field with a suggestion", () => {
    const [p] = problemsOf(minimal.replace("    duration: 2y", "    duration: 2y\n    purpse: { en: x }"));
    expect(p).toMatchObject({
      line: 17,
      message: expect.stringContaining('unknown field "purpse"'),
      hint: 'Did you mean "purpose"?',
    });
  });

  it("rejects a duration it cannot read, saying how to write one", () => {
    const [p] = problemsOf(minimal.replace("duration: 2y", "duration: two years"));
    expect(p).toMatchObject({ line: 22, message: expect.stringContaining("duration is not understood") });
    expect(p?.message).toContain("13mo");
  });

  it("rejects an unknown storage type", () => {
    const [p] = problemsOf(minimal.replace("storage: cookie", "storage: cookies"));
    expect(p).toMatchObject({
      line: 18,
      message: expect.stringContaining('"storage" must be one of'),
      hint: 'Did you mean "cookie"?',
    });
  });

  it("rejects an item filed under another category than its service", () => {
    const text = minimal.replace(
      "    category: analytics\n    service: ga4",
      "    category: necessary\n    service: ga4",
    );
    expect(problemsOf(text)[0]?.message).toContain('whose category is "analytics"');
  });

  it("rejects duplicates, a missing English text and a bad URL", () => {
    const dup = minimal + minimal.slice(minimal.indexOf("  - name: _ga"));
    expect(problemsOf(dup)[0]?.message).toContain('"_ga" is declared twice');
    expect(
      problemsOf(minimal.replace("purpose: { en: Distinguishes visitors. }", "purpose: { de: Unterscheidet. }"))[0]
        ?.message,
    ).toContain("en text is missing");
    expect(
      problemsOf(minimal.replace("https://policies.google.com/privacy", "policies.google.com"))[0]?.message,
    ).toContain("full web address");
  });

  it("wants a provider when no service sets the item", () => {
    const [p] = problemsOf(minimal.replace("    service: ga4\n", ""));
    expect(p?.message).toContain("names neither a service nor a provider");
  });

  it("reads the hosts a service talks to, in lower case, and ships them for GA4 and TikTok", () => {
    const r = parseRegistry(
      minimal.replace(
        "    category: analytics\n    privacyUrl",
        '    category: analytics\n    hosts: ["*.Google-Analytics.com", www.googletagmanager.com]\n    privacyUrl',
      ),
      FILE,
    );
    expect(r.success && r.data.services[0]?.hosts).toEqual(["*.google-analytics.com", "www.googletagmanager.com"]);
    const shippedHosts = parseRegistry(shipped, FILE);
    if (!shippedHosts.success) throw new Error("shipped registry invalid");
    expect(shippedHosts.data.services.find((s) => s.id === "ga4")?.hosts).toContain("*.googletagmanager.com");
    expect(shippedHosts.data.services.find((s) => s.id === "tiktok")?.hosts).toContain("analytics.tiktok.com");
  });

  it("rejects a host written as an address, and a host listed for two services", () => {
    const asUrl = minimal.replace(
      "    privacyUrl",
      "    hosts: [https://www.googletagmanager.com/gtag/js]\n    privacyUrl",
    );
    expect(problemsOf(asUrl)[0]?.message).toContain("no https:// and no path");
    const twice = minimal.replace("    privacyUrl", "    hosts: [a.example.com]\n    privacyUrl").replace(
      "items:",
      `  - id: other
    name: Other
    provider: Other
    category: analytics
    privacyUrl: https://example.com/privacy
    hosts: [a.example.com]
    description: { en: Other. }
items:`,
    );
    expect(problemsOf(twice)[0]?.message).toContain('"a.example.com" is already listed for the service "ga4"');
  });
});
