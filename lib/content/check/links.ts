// Links inside the policy lead somewhere: to a section of an edition, or to a page of the site.
import { policyHref } from "../../site/routes";
import { CHANGES_ANCHOR } from "../changelog";
import type { ContentProblem } from "../problems";
import { closest } from "../suggest";
import { type Edition, languageName } from "./shared";

/** Ids the policy page itself adds to every edition, besides its headings. */
const PAGE_ANCHORS = [CHANGES_ANCHOR, "top", "main"] as const;

// One pass over every link, each kind of target (a page, a section of an edition) a few lines of it.
export function checkLinks(editions: Edition[], locales: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const anchors = new Map<string, Set<string>>();
  for (const e of editions) {
    if (!e.mdx?.parsed) continue;
    anchors.set(e.locale, new Set([...e.mdx.headings.map((h) => h.id), ...e.mdx.componentAnchors, ...PAGE_ANCHORS]));
    for (const h of e.mdx.headings)
      if ((PAGE_ANCHORS as readonly string[]).includes(h.id))
        problems.push({
          file: e.file,
          line: h.line,
          column: h.column,
          message: `The heading "${h.text}" would get the id "${h.id}", which the page already uses.`,
          hint: "Word the heading differently.",
        });
  }
  const pages = new Map<string, string | null>([
    ["/", null],
    ["/cookie-policy", null],
    ...locales.map((l) => [policyHref(l), l] as const),
  ]);
  for (const e of editions) {
    if (!e.mdx?.parsed) continue;
    for (const link of e.mdx.links) {
      const problem = (message: string, hint?: string) =>
        problems.push({ file: e.file, line: link.line, column: link.column, message, ...(hint ? { hint } : {}) });
      const url = link.url.trim();
      if (!url) {
        problem("This link has no address.", "Write the address between the round brackets: [text](https://…).");
        continue;
      }
      if (/^(https?:|mailto:|tel:)/i.test(url)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        problem(
          `Links starting with "${url.split(":")[0]}:" cannot be used.`,
          "Use an address starting with https://, mailto: or tel:, a path on this site starting with /, or a section starting with #.",
        );
        continue;
      }
      if (!url.startsWith("/") && !url.startsWith("#")) {
        problem(
          `"${url}" is not a complete address.`,
          "Start a web address with https://, a page on this site with / (for example /en/cookie-policy), a section of this page with #.",
        );
        continue;
      }
      const parsed = new URL(url, "https://candor.invalid/");
      const pagePath = url.startsWith("#") ? policyHref(e.locale) : parsed.pathname.replace(/\/$/, "") || "/";
      if (!pages.has(pagePath)) {
        const near = closest(pagePath, [...pages.keys()]);
        problem(
          `There is no page at "${pagePath}" on this site.`,
          near ? `Did you mean "${near}"?` : `The pages are: ${[...pages.keys()].join(", ")}.`,
        );
        continue;
      }
      let id: string;
      try {
        id = decodeURIComponent(parsed.hash.slice(1));
      } catch {
        problem(
          `The link to "${url}" has a % that does not start a character code, so browsers cannot tell which section it means.`,
          "Link to the section's id as written, without %: ## Browser Cookie Controls → #browser-cookie-controls.",
        );
        continue;
      }
      if (!id) continue;
      const target = pages.get(pagePath);
      const targets = target ? [target] : [...anchors.keys()];
      for (const t of targets) {
        const ids = anchors.get(t);
        if (!ids || ids.has(id)) continue;
        const near = closest(id, [...ids]);
        const edition = t === e.locale ? "this edition" : `the ${languageName(t)} edition`;
        problem(
          `The link to "#${id}" leads nowhere: ${edition} has no section with that id.`,
          near
            ? `Did you mean "#${near}"?`
            : "A section's id is its heading in lower case, with dashes for spaces: ## Browser Cookie Controls → #browser-cookie-controls.",
        );
      }
    }
  }
  return problems;
}
