"use client";
// Policy text that holds nothing live reaches the browser once: in the HTML. The server render puts its
// HTML in a store on the server (components/server-html-store.ts) and the page's RSC payload carries
// only a key, so React neither downloads the text a second time nor walks it on hydration: in the
// browser this element renders an empty dangerouslySetInnerHTML, which React leaves alone, keeping the
// server's HTML (components/static-html.ts says what is made so).
//
// The text cannot come by client-side navigation: links between the policy pages are plain links
// (a full page load). Should React ever mount this element afresh in the browser (an error boundary
// reset, or a hydration mismatch it recovers from by rendering anew) it finds itself empty and reloads
// the page once, which brings the text back.
import { type ElementType, type HTMLAttributes, useEffect, useRef } from "react";
import { KEEP_SERVER_HTML, serverHtmlStore } from "./keep-server-html";

type Props = HTMLAttributes<HTMLElement> & {
  /** The element to render: the one the server component rendered. */
  as: string;
  /** The key under which the server render kept this element's inner HTML. */
  htmlKey: string;
};

export function ServerHtml({ as, htmlKey, ...attributes }: Props) {
  const element = useRef<HTMLElement>(null);
  useEffect(() => {
    // hydrated elements hold the server's HTML; an element mounted afresh holds nothing
    if (element.current?.firstChild) return;
    reloadOnce(`no HTML for "${htmlKey}" in the browser: it comes only with the page`);
  }, [htmlKey]);
  const html = typeof window === "undefined" ? { __html: serverHtml(htmlKey) } : KEEP_SERVER_HTML;
  const Element = as as ElementType;
  return <Element {...attributes} ref={element} dangerouslySetInnerHTML={html} suppressHydrationWarning />;
}

function serverHtml(key: string): string {
  const html = serverHtmlStore().get(key);
  // a page without its text must never be sent: fail the render (and so the build) instead
  if (html === undefined)
    throw new Error(
      `ServerHtml: no HTML kept under "${key}"; the server component and the HTML render must share a process`,
    );
  return html;
}

/** Reloads the page, unless this load already was a reload: then it says what is missing instead. */
export function reloadOnce(why: string) {
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  if (navigation?.type === "reload") {
    console.error(`Part of the policy text could not be shown (${why}); the page was already reloaded once.`);
    return;
  }
  console.error(`Reloading the page: ${why}.`);
  window.location.reload();
}
