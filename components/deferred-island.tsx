"use client";
// Islands the first view does not need (the storage inspector, the storage meter, the privacy signals,
// the browser guide) hydrate later: the server renders them in full, the browser keeps that HTML as it is
// while React hydrates the page, and their code is fetched when the browser is idle; then each renders
// itself in place. Their JavaScript is then neither downloaded nor run while the page loads (issue 15).
//
// The HTML is kept by rendering, on the client only, an empty dangerouslySetInnerHTML in the element that
// holds it: React does not touch the inside of such an element while hydrating, nor on later renders
// while the string stays the same, so consent updates before the code arrives cannot wipe it (as they
// would a Suspense boundary still waiting for its code, which React renders anew from its fallback).
// When the code has come, the island renders in the holder, replacing the server's HTML with the same
// HTML, live; focus inside it is put back on the same element. data-deferred says which it is.
import { type ComponentType, lazy, useLayoutEffect, useRef } from "react";
import { KEEP_SERVER_HTML } from "./keep-server-html";
import { useDeferredImport } from "./use-deferred-import";

export function deferredIsland<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  // The server renders the island itself. No Suspense boundary around it: React then waits for the
  // import before it sends the page's first bytes, so the island is in the HTML where it stands (with a
  // boundary it would come at the end of the HTML, put in place by a script: not without JavaScript).
  const OnServer = lazy(() => load().then((component) => ({ default: component })));
  function DeferredIsland(props: P) {
    const holder = useRef<HTMLDivElement>(null);
    const focusPath = useRef<number[] | null>(null);
    // the server's HTML is about to be replaced by the same HTML, live: keep the visitor's focus
    const Island = useDeferredImport(load, () => {
      focusPath.current = pathTo(holder.current, document.activeElement);
    });
    useLayoutEffect(() => {
      if (!focusPath.current || !holder.current) return;
      (elementAt(holder.current, focusPath.current) as HTMLElement | null)?.focus({ preventScroll: true });
      focusPath.current = null;
    }, [Island]);
    if (typeof window === "undefined")
      return (
        <div className="deferred-island" data-deferred="waiting">
          <OnServer {...props} />
        </div>
      );
    if (!Island)
      return (
        <div
          ref={holder}
          className="deferred-island"
          data-deferred="waiting"
          dangerouslySetInnerHTML={KEEP_SERVER_HTML}
          suppressHydrationWarning
        />
      );
    return (
      <div ref={holder} className="deferred-island" data-deferred="live">
        <Island {...props} />
      </div>
    );
  }
  return DeferredIsland;
}

/** The child indexes from `root` down to `el`, or null when `el` is not inside it. */
function pathTo(root: Element | null, el: Element | null): number[] | null {
  if (!root || !el || el === root || !root.contains(el)) return null;
  const path: number[] = [];
  for (let node: Element = el; node !== root; node = node.parentElement!)
    path.unshift(Array.prototype.indexOf.call(node.parentElement!.children, node));
  return path;
}

function elementAt(root: Element, path: number[]): Element | null {
  let node: Element | undefined = root;
  for (const i of path) node = node?.children[i];
  return node ?? null;
}
