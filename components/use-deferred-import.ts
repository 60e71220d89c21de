"use client";
import { useEffect, useEffectEvent, useState } from "react";

/**
 * A module that this island's first view does not need, imported once the browser is idle. null until
 * then; the island shows its server-rendered stand-in meanwhile. Keeps code the visitor may never reach
 * out of the JavaScript every page view parses, without a Suspense boundary whose server HTML React would
 * throw away on the first consent update before the code came. `beforeSwap` runs when the module has
 * come, just before the island re-renders with it. A failed import throws while rendering, so the
 * island's boundary puts its fallback in place.
 */
export function useDeferredImport<M>(load: () => Promise<M>, beforeSwap?: () => void): M | null {
  const [loaded, setLoaded] = useState<{ module: M } | { error: unknown } | null>(null);
  const swap = useEffectEvent(() => beforeSwap?.());
  useEffect(() => {
    let live = true;
    const run = () =>
      load().then(
        (module) => {
          if (!live) return;
          swap();
          setLoaded({ module });
        },
        (error: unknown) => live && setLoaded({ error }),
      );
    whenIdle(() => void run());
    return () => {
      live = false;
    };
  }, [load]);
  if (loaded && "error" in loaded) throw loaded.error;
  return loaded?.module ?? null;
}

/** Runs `run` when the browser is next idle, and within two seconds however busy it is. */
export function whenIdle(run: () => void): void {
  if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: 2000 });
  else window.setTimeout(run, 200);
}
