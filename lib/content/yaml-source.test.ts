import { describe, expect, it } from "vitest";
import { parseYamlSource } from "./yaml-source";

const problemsOf = (text: string) => {
  const r = parseYamlSource(text, "content/registry.yaml");
  if (r.success) throw new Error("expected problems");
  return r.problems;
};

describe("YAML mistakes in plain words", () => {
  it("points an unclosed quote at the line where it opens, not at the end of the file", () => {
    const text = 'items:\n  - name: a\n    purpose:\n      en: "Counts visitors.\n      de: Zählt.\n  - name: b\n';
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        line: 4,
        column: 11,
        message: 'This is not valid YAML: the quote (") opened here is never closed.',
      }),
    ]);
    expect(problemsOf("a: 'x\nb: c\n")[0]).toMatchObject({
      line: 1,
      column: 4,
      message: expect.stringContaining("quote (')"),
    });
  });

  it("reports only the first slip, not every line the parser trips over after it", () => {
    const text = "categories:\n  - id: analytics\n   bad: [\n    title:\n      en: Performance & Analytics\n";
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
  });

  it("keeps the line numbers of a header block true with an offset", () => {
    const r = parseYamlSource("title: x\nversion: '1.0\n", "content/en/cookie-policy.mdx", 1);
    expect(r.success ? null : r.problems[0]).toMatchObject({ line: 3 });
  });
});
