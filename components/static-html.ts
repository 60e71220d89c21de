// Server-rendered parts of the page that hold nothing live (policy prose, declaration tables, the table of
// contents) would cost the browser twice: React carries them in the RSC payload as element trees and walks
// every element on hydration. staticize() keeps each such element but takes its inside out of React:
// - "server" (production): the inside is kept on the server for the HTML render only, and the payload
//   carries a key in its place (components/server-html.tsx); the text reaches the browser once, in the HTML;
// - "payload" (the dev preview, whose edits re-render the page from a new payload): the inside is handed to
//   React as one HTML string (dangerouslySetInnerHTML), which hydration does not walk.
// The HTML the visitor gets is the same; client islands, and anything this cannot prove static, stay
// React as they were. Server only: it runs server components itself to see what they render.
import "server-only";
import { cloneElement, createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import { Collapsible } from "./preferences/collapsible";
import { ServerHtml } from "./server-html";
import { keepOnServer } from "./server-html-store";

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

/** The props of a client component that hold content this file looks into; all others travel as they are. */
const CONTENT_PROPS = ["children", "fallback"] as const;

/**
 * Runs the server components in `node` (awaiting async ones) so that what is left are host elements,
 * text, fragments and client components; anything else (context, Suspense, lazy) is left as it is.
 * The same node met twice (a browser guide's steps are its children and its fallback) resolves to the
 * same result, which the payload then carries once.
 */
function resolve(node: ReactNode, seen: WeakMap<object, Promise<ReactNode>>): Promise<ReactNode> {
  if (typeof node !== "object" || node === null) return Promise.resolve(node);
  return once(seen, node, () => resolveNew(node, seen));
}

/** What `make` gives for `node`, made once per node (by identity) in `cache`. */
function once<T>(cache: WeakMap<object, T>, node: object, make: () => T): T {
  if (cache.has(node)) return cache.get(node) as T;
  const made = make();
  cache.set(node, made);
  return made;
}

async function resolveNew(node: ReactNode, seen: WeakMap<object, Promise<ReactNode>>): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map((child) => resolve(child, seen)));
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Props>;
  const { type, props } = element;
  if (type === Fragment || typeof type === "string") return withChildren(element, await resolve(props.children, seen));
  if (isClientReference(type)) {
    // an island: its props travel as they are; only the content it wraps (or falls back to) is looked into
    const content: Props = {};
    for (const name of CONTENT_PROPS) if (name in props) content[name] = await resolve(props[name] as ReactNode, seen);
    return cloneElement(element, content);
  }
  if (typeof type === "function")
    return resolve(await (type as (p: Props) => ReactNode | Promise<ReactNode>)(props), seen);
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

/** Where the inside of a static element goes: see the top of this file. */
export type StaticMode = "server" | "payload";

/** Below this much inner HTML an element stays as it is: its key would cost about as much as its text. */
const SERVER_MIN_HTML = 48;

/**
 * Client components that render their children where the server put them and hydrate them with the page
 * (a fold that only hides them). Inside any other, what the browser renders may be new (a deferred island
 * swapping in, the browser guide reordering its steps, a fallback), so the payload carries the HTML there.
 */
const HYDRATES_CHILDREN_IN_PLACE: ReadonlySet<unknown> = new Set([Collapsible]);

/** What flatten() made of each node, per mode: the same node met twice gives the same result. */
type Flattened = Record<StaticMode, WeakMap<object, ReactNode>>;

/** Takes the inside of every static host element out of React; recurses where something is live. */
function flatten(node: ReactNode, mode: StaticMode, done: Flattened): ReactNode {
  if (typeof node !== "object" || node === null) return node;
  return once(done[mode], node, () => flattenNew(node, mode, done));
}

function flattenNew(node: ReactNode, mode: StaticMode, done: Flattened): ReactNode {
  if (Array.isArray(node)) return node.map((child) => flatten(child, mode, done));
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Props>;
  const { type, props } = element;
  if (type === Fragment) return withChildren(element, flatten(props.children, mode, done));
  if (isClientReference(type)) {
    const content: Props = {};
    if ("children" in props) {
      const inside = mode === "server" && !HYDRATES_CHILDREN_IN_PLACE.has(type) ? "payload" : mode;
      content.children = flatten(props.children, inside, done);
    }
    // a fallback is rendered anew in the browser when the island fails: its HTML must be in the payload
    if ("fallback" in props) content.fallback = flatten(props.fallback as ReactNode, "payload", done);
    return cloneElement(element, content);
  }
  if (typeof type !== "string") return element;
  // content already handed over elsewhere (a guide's steps are also its fallback): referenced, not repeated
  if (typeof props.children === "object" && props.children !== null && done[mode].has(props.children))
    return withChildren(element, done[mode].get(props.children));
  if (!NEVER_STATIC.has(type) && !VOID_ELEMENTS.has(type) && attributesHtml(props) !== null) {
    const inner = innerHtml(props);
    if (inner !== null) {
      if (mode === "server") {
        if (inner.length < SERVER_MIN_HTML) return element;
        const { children: _children, dangerouslySetInnerHTML: _html, ...attributes } = props;
        const key = element.key ?? undefined;
        return createElement(ServerHtml, { ...attributes, key, as: type, htmlKey: keepOnServer(inner) });
      }
      if (props.dangerouslySetInnerHTML !== undefined || !hasElementChildren(props.children)) return element;
      return cloneElement(element, { children: undefined, dangerouslySetInnerHTML: { __html: inner } });
    }
  }
  return withChildren(element, flatten(props.children, mode, done));
}

const withChildren = (element: ReactElement<Props>, children: ReactNode) => cloneElement(element, { children });

/** `node` with the inside of every part that holds nothing live taken out of React (see the top of this file). */
export async function staticize(node: ReactNode, mode: StaticMode): Promise<ReactNode> {
  const resolved = await resolve(node, new WeakMap());
  return flatten(resolved, mode, { server: new WeakMap(), payload: new WeakMap() });
}
