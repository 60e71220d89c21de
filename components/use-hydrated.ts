"use client";
// Hydration-safe reads of what only the browser knows, without a blocking re-render.
//
// The usual `useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)` renders the server's
// value while hydrating and then, because the browser's value differs, forces a *synchronous*
// re-render of every consumer. On the policy page that re-render (every switch, the inspector, the
// receipt) was one uninterruptible task of ~100 ms on a phone-class CPU, most of the page's Total
// Blocking Time. Here the switch to the browser's value happens in a transition instead, which React
// renders in slices of a few milliseconds and which yields to anything the visitor does.
import { startTransition, useEffect, useState, useSyncExternalStore } from "react";

/** false while React hydrates the server's HTML (and on the first client render), true right after. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}

/**
 * useSyncExternalStore for a value the server cannot know: the server's value until `hydrated`, the
 * store's afterwards. Both snapshot functions must return stable values while nothing changes.
 */
export function useBrowserStore<T>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
  getServerSnapshot: () => T,
  hydrated: boolean,
): T {
  return useSyncExternalStore(subscribe, hydrated ? getSnapshot : getServerSnapshot, getServerSnapshot);
}

const noSubscribe = () => () => {};

/** A value read once from the browser (stable for the visit): `serverValue` until hydrated. */
export function useBrowserValue<T>(read: () => T, serverValue: T): T {
  const hydrated = useHydrated();
  return useBrowserStore(noSubscribe, read, () => serverValue, hydrated);
}
