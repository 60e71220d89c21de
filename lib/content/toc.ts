// Collects the policy's h2/h3 headings (after rehype-slug gave them ids) into a table of contents.
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
  children: TocEntry[];
}

export function rehypeCollectToc(into: TocEntry[]) {
  return () => (tree: Root) => {
    into.length = 0;
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      if (typeof id !== "string") return;
      const entry: TocEntry = { id, text: toString(node).trim(), depth: node.tagName === "h2" ? 2 : 3, children: [] };
      const parent = into.at(-1);
      if (entry.depth === 3 && parent) parent.children.push(entry);
      else into.push(entry);
    });
  };
}
