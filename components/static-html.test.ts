import { Fragment, createElement as h, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
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
    const flat = (await staticize(tree)) as ReactElement<AnyProps>;
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
    const div = (await staticize(tree)) as ReactElement<AnyProps>;
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
    const section = (await staticize(tree)) as ReactElement<AnyProps>;
    expect(section.props.dangerouslySetInnerHTML).toBeUndefined();
    const [p, div, span] = section.props.children as ReactElement<AnyProps>[];
    const button = (p?.props.children as ReactNode[])[0];
    expect(isValidElement(button) && (button.props as AnyProps).onClick).toBe(onClick);
    expect(div?.props.dangerouslySetInnerHTML).toBeUndefined();
    expect(span?.props.dangerouslySetInnerHTML).toBeUndefined();
  });
});
