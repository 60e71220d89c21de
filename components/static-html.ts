// Server-rendered parts of the page that hold nothing live (policy prose, declaration tables, the table of
// contents) still cost the browser twice: React carries them in the RSC payload as element trees and walks
// every element on hydration. staticize() keeps each such element but hands React its inside as one HTML
// string (dangerouslySetInnerHTML), which hydration does not walk and the payload carries as one string.
// The HTML the visitor gets is the same; client islands, and anything this cannot prove static, stay
// React as they were. Server only: it runs server components itself to see what they render.
import "server-only";
import { cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

const CLIENT_REFERENCE = Symbol.for("react.client.reference");

/** React prop names → HTML attribute names, for the props these parts use; any other camelCase prop is not static. */
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  tabIndex: "tabindex",
  colSpan: "colspan",
  rowSpan: "rowspan",
  dateTime: "datetime",
  hrefLang: "hreflang",
  referrerPolicy: "referrerpolicy",
  crossOrigin: "crossorigin",
};

/** Boolean attributes: present when true, absent when false. */
const BOOLEAN_ATTRIBUTES = new Set(["hidden", "open", "reversed", "disabled", "checked", "selected", "inert"]);

const VOID_ELEMENTS = new Set(["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]);

/** Elements whose content React treats specially, or whose attributes are camelCase (SVG): never made static. */
const NEVER_STATIC = new Set(["svg", "math", "script", "style", "textarea", "select", "option", "template"]);

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

type Props = Record<string, unknown> & { children?: ReactNode };

const isClientReference = (type: unknown) =>
  typeof type === "function" || typeof type === "object"
    ? (type as { $$typeof?: symbol } | null)?.$$typeof === CLIENT_REFERENCE
    : false;

/**
 * Runs the server components in `node` (awaiting async ones) so that what is left are host elements,
 * text, fragments and client components; anything else (context, Suspense, lazy) is left as it is.
 */
async function resolve(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolve));
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Props>;
  const { type, props } = element;
  if (type === Fragment || typeof type === "string") return withChildren(element, await resolve(props.children));
  if (isClientReference(type))
    // an island: its props travel as they are; only the content it wraps is looked into
    return "children" in props ? withChildren(element, await resolve(props.children)) : element;
  if (typeof type === "function") return resolve(await (type as (p: Props) => ReactNode | Promise<ReactNode>)(props));
  return element;
}

/** The HTML of resolved static content, or null when any part of it is not static. */
function toHtml(node: ReactNode): string | null {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeText(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) {
    let out = "";
    for (const child of node) {
      const html = toHtml(child);
      if (html === null) return null;
      out += html;
    }
    return out;
  }
  if (!isValidElement(node)) return null;
  const { type, props } = node as ReactElement<Props>;
  if (type === Fragment) return toHtml(props.children);
  if (typeof type !== "string" || NEVER_STATIC.has(type)) return null;
  const attributes = attributesHtml(props);
  if (attributes === null) return null;
  if (VOID_ELEMENTS.has(type)) return `<${type}${attributes}>`;
  const inner = innerHtml(props);
  return inner === null ? null : `<${type}${attributes}>${inner}</${type}>`;
}

function innerHtml(props: Props): string | null {
  const dangerous = props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
  if (dangerous !== undefined) return typeof dangerous?.__html === "string" ? dangerous.__html : null;
  return toHtml(props.children);
}

function attributesHtml(props: Props): string | null {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || name === "dangerouslySetInnerHTML" || name === "suppressHydrationWarning") continue;
    if (name === "ref") return null;
    if (value === undefined || value === null) continue;
    const dataOrAria = name.startsWith("data-") || name.startsWith("aria-");
    const attribute = ATTRIBUTE_NAMES[name] ?? (dataOrAria || !/[A-Z]/.test(name) ? name : null);
    if (attribute === null || !/^[a-z][a-z0-9-]*$/.test(attribute)) return null; // an event handler, a style object…
    if (typeof value === "boolean") {
      if (dataOrAria) out += ` ${attribute}="${value}"`;
      else if (!BOOLEAN_ATTRIBUTES.has(attribute)) return null;
      else if (value) out += ` ${attribute}=""`;
      continue;
    }
    if (typeof value !== "string" && typeof value !== "number") return null;
    out += ` ${attribute}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

/** Whether an element's children are more than one piece of text (else there is nothing to save). */
function hasElementChildren(children: ReactNode): boolean {
  if (Array.isArray(children)) return children.some((c) => isValidElement(c) || Array.isArray(c));
  return isValidElement(children);
}

/** Replaces the inside of every static host element by its HTML; recurses where something is live. */
function flatten(node: ReactNode): ReactNode {
  if (Array.isArray(node)) return node.map(flatten);
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Props>;
  const { type, props } = element;
  if (type === Fragment || isClientReference(type))
    return "children" in props ? withChildren(element, flatten(props.children)) : element;
  if (typeof type !== "string") return element;
  if (
    !NEVER_STATIC.has(type) &&
    !VOID_ELEMENTS.has(type) &&
    props.dangerouslySetInnerHTML === undefined &&
    hasElementChildren(props.children) &&
    attributesHtml(props) !== null
  ) {
    const inner = toHtml(props.children);
    if (inner !== null)
      return cloneElement(element, { children: undefined, dangerouslySetInnerHTML: { __html: inner } });
  }
  return withChildren(element, flatten(props.children));
}

const withChildren = (element: ReactElement<Props>, children: ReactNode) => cloneElement(element, { children });

/** `node` with every part that holds nothing live handed to React as HTML (see the top of this file). */
export async function staticize(node: ReactNode): Promise<ReactNode> {
  return flatten(await resolve(node));
}
