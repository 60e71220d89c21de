// Groups the policy into one <section> per h2 heading (with what follows it, up to the next h2). While the
// page loads, the sections out of view are neither styled nor laid out (lib/content/lazy-layout.ts), so
// the first paint and the layout after it cost the first screen rather than the whole policy (issue 15).
// Only the top level is grouped; the text and its order stay as written.
import type { Element, ElementContent, Root, RootContent } from "hast";

/** The class the sections carry (app/globals.css, lib/content/lazy-layout.ts). */
export const POLICY_SECTION_CLASS = "policy-section";

export function rehypeSections() {
  return (tree: Root) => {
    const grouped: RootContent[] = [];
    let section: Element | null = null;
    for (const node of tree.children) {
      if (node.type === "element" && node.tagName === "h2") {
        section = {
          type: "element",
          tagName: "section",
          properties: { className: [POLICY_SECTION_CLASS] },
          children: [],
        };
        grouped.push(section);
      }
      if (section && node.type !== "doctype") section.children.push(node as ElementContent);
      else grouped.push(node);
    }
    tree.children = grouped;
  };
}
