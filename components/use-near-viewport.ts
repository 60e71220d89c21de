"use client";
import { type RefObject, useEffect, useState } from "react";

/**
 * true once the element has come within `margin` of the viewport, and from then on. Islands far down
 * the page use it to leave the browser alone until the visitor gets near them: on the policy page the
 * inspector and the storage meter were reading all of storage, asking the server for cookie names and
 * building the page's first number formatter (~40 ms of main thread on its own) during the load, for
 * visitors who might never scroll that far. Reaching them by scrolling, by a link or by Tab wakes them.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = "100% 0px"): boolean {
  // without IntersectionObserver (very old browsers) there is no telling: near from the start. Nothing
  // rendered depends on it directly, so the server's false cannot mismatch.
  const [near, setNear] = useState(() => typeof window !== "undefined" && typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin, near]);
  return near;
}
