import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import { POLICY_SECTION_CLASS, rehypeSections } from "./sections";

const el = (tagName: string, text: string): Element => ({
  type: "element",
  tagName,
  properties: {},
  children: [{ type: "text", value: text }],
});

describe("rehypeSections", () => {
  it("puts each h2 and what follows it, up to the next h2, in a section; what comes first stays as it is", () => {
    const intro = el("p", "intro");
    const [h2a, p1, h3, h2b, p2] = [el("h2", "A"), el("p", "one"), el("h3", "A.1"), el("h2", "B"), el("p", "two")];
    const island = { type: "mdxJsxFlowElement", name: "ConsentSwitch", attributes: [], children: [] };
    const tree = { type: "root", children: [intro, h2a, p1, h3, island, h2b, p2] } as unknown as Root;
    rehypeSections()(tree);
    expect(tree.children).toHaveLength(3);
    expect(tree.children[0]).toBe(intro);
    const [a, b] = tree.children.slice(1) as Element[];
    for (const section of [a, b]) {
      expect(section?.tagName).toBe("section");
      expect(section?.properties.className).toEqual([POLICY_SECTION_CLASS]);
    }
    expect(a?.children).toEqual([h2a, p1, h3, island]);
    expect(b?.children).toEqual([h2b, p2]);
  });

  it("leaves a policy without h2 headings as it is", () => {
    const tree: Root = { type: "root", children: [el("p", "only"), el("h3", "sub")] };
    const before = [...tree.children];
    rehypeSections()(tree);
    expect(tree.children).toEqual(before);
  });
});
