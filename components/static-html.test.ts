import { cloneElement, Fragment, createElement as h, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Collapsible } from "./preferences/collapsible";
import { ServerHtml } from "./server-html";
import { keepOnServer } from "./server-html-store";
import { staticize } from "./static-html";

type AnyProps = Record<string, unknown> & { children?: ReactNode };

// what a "use client" import looks like inside a server component: a reference, never called on the server
function clientReference(name: string) {
  const ref = () => null;
  Object.assign(ref, { $$typeof: Symbol.for("react.client.reference"), $$id: name });
  return ref;
}

const Heading = ({ id, children }: { id: string; children?: ReactNode }) =>
  h(
    "h2",
    { id, className: "group scroll-mt-24" },
    children,
    h("a", { href: `#${id}`, "aria-hidden": "true", tabIndex: -1 }, "#"),
  );
const AsyncRow = async ({ name }: { name: string }) =>
  h(
    "tr",
    { "data-item": name },
    h("th", { scope: "row" }, h("code", null, name)),
    h("td", { colSpan: 2 }, "A & B < C"),
  );

describe("staticize", () => {
  it("renders exactly the HTML React renders, with the static parts handed over as HTML strings", async () => {
    const tree = h(
      "article",
      { className: "policy" },
      h(Heading, { id: "intro" }, "Intro ", h("em", null, "text")),
      h("p", null, "Plain ", h("strong", null, "bold"), " and ", h("a", { href: 'https://x.test/?a=1&b="2"' }, "link")),
      h("table", null, h("tbody", null, h(AsyncRow, { name: "_ga" }), h(AsyncRow, { name: "_ga_*" }))),
      h("details", { open: true, hidden: false }, h("summary", null, "More"), h("p", { "data-x": true }, "x")),
      h("p", null, "Only text"),
      h("hr", null),
    );
    const flat = (await staticize(tree, "payload")) as ReactElement<AnyProps>;
    const expected = renderToStaticMarkup(
      h(
        "article",
        { className: "policy" },
        Heading({ id: "intro", children: h(Fragment, null, "Intro ", h("em", null, "text")) }),
        h(
          "p",
          null,
          "Plain ",
          h("strong", null, "bold"),
          " and ",
          h("a", { href: 'https://x.test/?a=1&b="2"' }, "link"),
        ),
        h("table", null, h("tbody", null, await AsyncRow({ name: "_ga" }), await AsyncRow({ name: "_ga_*" }))),
        h("details", { open: true, hidden: false }, h("summary", null, "More"), h("p", { "data-x": true }, "x")),
        h("p", null, "Only text"),
        h("hr", null),
      ),
    );
    // the same document: HTML attribute names are case-insensitive, and a void element needs no "/"
    expect(renderToStaticMarkup(flat)).toBe(expected.replace(/colSpan=/g, "colspan=").replace(/<hr\/>/g, "<hr>"));
    // the whole article was static: React gets one element and a string
    expect(flat.props.children).toBeUndefined();
    expect((flat.props.dangerouslySetInnerHTML as { __html: string }).__html).toContain('<h2 id="intro"');
  });

  it("keeps client islands as React, and makes static what they wrap", async () => {
    const Island = clientReference("Collapsible");
    const tree = h(
      "div",
      null,
      h(
        Island,
        { id: "declaration-analytics", label: "Analytics" },
        h("div", { className: "table-scroll" }, h("table", null, h("tbody", null, h("tr", null, h("td", null, "x"))))),
      ),
    );
    const div = (await staticize(tree, "payload")) as ReactElement<AnyProps>;
    const island = div.props.children as ReactElement<AnyProps>;
    expect(island.type).toBe(Island);
    expect(island.props.id).toBe("declaration-analytics");
    const wrapped = island.props.children as ReactElement<AnyProps>;
    expect(wrapped.props.className).toBe("table-scroll");
    expect(wrapped.props.dangerouslySetInnerHTML).toEqual({
      __html: "<table><tbody><tr><td>x</td></tr></tbody></table>",
    });
  });

  it("leaves React anything it cannot prove static: handlers, style objects, SVG", async () => {
    const onClick = () => {};
    const tree = h(
      "section",
      null,
      h("p", null, h("button", { onClick }, "Go"), h("span", null, "x")),
      h("div", { style: { color: "red" } }, h("b", null, "y")),
      h("span", null, h("svg", { viewBox: "0 0 1 1" }, h("path", { d: "M0" }))),
    );
    const section = (await staticize(tree, "payload")) as ReactElement<AnyProps>;
    expect(section.props.dangerouslySetInnerHTML).toBeUndefined();
    const [p, div, span] = section.props.children as ReactElement<AnyProps>[];
    const button = (p?.props.children as ReactNode[])[0];
    expect(isValidElement(button) && (button.props as AnyProps).onClick).toBe(onClick);
    expect(div?.props.dangerouslySetInnerHTML).toBeUndefined();
    expect(span?.props.dangerouslySetInnerHTML).toBeUndefined();
  });
});

describe("staticize for production (server mode)", () => {
  it("keeps the inside of static elements on the server: the payload carries a key, the HTML is unchanged", async () => {
    const tree = h(
      "article",
      { className: "policy" },
      h(Heading, { id: "intro" }, "Intro ", h("em", null, "text")),
      h("p", null, "A paragraph long enough to be worth keeping on the server rather than in the payload."),
      h("p", null, "Short."),
      h("table", null, h("tbody", null, h(AsyncRow, { name: "_ga" }))),
      h(clientReference("ConsentSwitch"), { id: "analytics" }),
    );
    const expected = renderToStaticMarkup(
      h(
        "article",
        { className: "policy" },
        Heading({ id: "intro", children: h(Fragment, null, "Intro ", h("em", null, "text")) }),
        h("p", null, "A paragraph long enough to be worth keeping on the server rather than in the payload."),
        h("p", null, "Short."),
        h("table", null, h("tbody", null, await AsyncRow({ name: "_ga" }))),
      ),
    );
    const article = (await staticize(tree, "server")) as ReactElement<AnyProps>;
    const [heading, long, short, table, island] = article.props.children as ReactElement<AnyProps>[];
    // each static element is the same element, its inside a key: none of its text travels in the payload
    for (const [element, as] of [
      [heading, "h2"],
      [long, "p"],
      [table, "table"],
    ] as const) {
      expect(element?.type).toBe(ServerHtml);
      expect(element?.props.as).toBe(as);
      expect(element?.props.htmlKey).toMatch(/^[\w-]{12}$/);
      expect(JSON.stringify(element?.props)).not.toMatch(/paragraph|_ga|Intro/);
    }
    expect(heading?.props.id).toBe("intro");
    // too short to be worth a key: it stays as it was
    expect(short?.type).toBe("p");
    expect(typeof island?.type).toBe("function");
    // the HTML render (which runs on the server, where the kept HTML is) gives the same document
    const withoutIsland = cloneElement(article, {
      children: (article.props.children as ReactNode[]).slice(0, 4),
    });
    expect(renderToStaticMarkup(withoutIsland)).toBe(expected.replace(/colSpan=/g, "colspan="));
  });

  it("uses the payload inside client components that may render their content anew, and for fallbacks", async () => {
    const Guide = clientReference("BrowserGuide");
    const Boundary = clientReference("IslandBoundary");
    const steps = [
      h("section", { key: "a", className: "browser-steps" }, h("h3", null, "Chrome"), h("p", null, "Open the menu.")),
      h("section", { key: "b", className: "browser-steps" }, h("h3", null, "Firefox"), h("p", null, "Open it too.")),
    ];
    const tree = h(Boundary, { fallback: h("div", { className: "browser-guide" }, steps) }, h(Guide, null, steps));
    const boundary = (await staticize(tree, "server")) as ReactElement<AnyProps>;
    const guide = boundary.props.children as ReactElement<AnyProps>;
    const [chrome] = guide.props.children as ReactElement<AnyProps>[];
    // rendered anew when the guide's code comes: the HTML travels with it, as one string
    expect(chrome?.type).toBe("section");
    expect(chrome?.props.dangerouslySetInnerHTML).toEqual({ __html: "<h3>Chrome</h3><p>Open the menu.</p>" });
    // the fallback holds the same steps: the same objects, which the payload carries once
    const fallback = boundary.props.fallback as ReactElement<AnyProps>;
    expect(fallback.type).toBe("div");
    expect(fallback.props.children).toBe(guide.props.children);
  });

  it("keeps on the server what a fold hydrates in place", async () => {
    // in the server bundle a "use client" import is a reference; under test it is the function itself
    Object.assign(Collapsible, { $$typeof: Symbol.for("react.client.reference") });
    const tree = h(Collapsible, {
      id: "declaration-analytics",
      label: "Analytics",
      hideText: "Hide",
      showText: "Show",
      children: h(
        "div",
        { className: "table-scroll" },
        h("table", null, h("tbody", null, h(AsyncRow, { name: "_ga" }))),
      ),
    });
    const fold = (await staticize(tree, "server")) as ReactElement<AnyProps>;
    const inside = fold.props.children as ReactElement<AnyProps>;
    expect(inside.type).toBe(ServerHtml);
    expect(inside.props.className).toBe("table-scroll");
  });
});

describe("keepOnServer", () => {
  it("gives the same text the same key and different texts different keys", () => {
    expect(keepOnServer("<p>one</p>")).toBe(keepOnServer("<p>one</p>"));
    expect(keepOnServer("<p>one</p>")).not.toBe(keepOnServer("<p>two</p>"));
  });

  it("refuses to render an element whose HTML was never kept, rather than send the page without it", () => {
    expect(() => renderToStaticMarkup(h(ServerHtml, { as: "p", htmlKey: "never-kept00" }))).toThrow(/no HTML kept/);
  });
});
