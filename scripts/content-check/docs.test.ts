import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MDX_COMPONENT_NAMES } from "@/lib/content/mdx-specs";

const guide = readFileSync(path.join(process.cwd(), "docs/editing-the-policy.md"), "utf8");

describe("docs/editing-the-policy.md", () => {
  it("documents every component the policy may use, each with an example", () => {
    for (const name of MDX_COMPONENT_NAMES) {
      expect(guide, `a section for <${name}>`).toMatch(new RegExp(`^### .*\\b${name}\\b`, "m"));
      expect(guide, `an example of <${name}>`).toMatch(
        new RegExp("```[a-z]*\\n(?:(?!```)[\\s\\S])*<" + name + "[\\s/>]"),
      );
    }
  });

  it("is linked from the README", () => {
    expect(readFileSync(path.join(process.cwd(), "README.md"), "utf8")).toContain("(docs/editing-the-policy.md)");
  });
});
