"use client";
// Keeps a live snapshot of what this site holds in the browser. It re-reads when another tab changes
// storage (storage events), when a cookie changes (Cookie Store change events), and with a light
// once-a-second poll for what raises no event (this tab's own scripts); it does nothing while the tab
// is hidden and catches up when it comes back. The server's view of cookies is asked for at start,
// on return to the tab, when the script-visible cookies change, and after every deletion.
import { useCallback, useEffect, useRef, useState } from "react";
import { collectLocal, fetchServerCookies, windowHost } from "@/lib/storage/browser";
import { emptySnapshot, type Snapshot, sameSnapshot } from "@/lib/storage/inspect";

const POLL_MS = 1000;

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Reads nothing until `enabled` (the inspector is near the viewport); live from then on. */
export function useStorageSnapshot(enabled = true) {
  const [state, setState] = useState<{ snapshot: Snapshot; loaded: boolean }>({
    snapshot: emptySnapshot,
    loaded: false,
  });
  const latest = useRef<Snapshot | null>(null);
  const seq = useRef(0);

  const inFlight = useRef(0);

  /** Re-reads the browser; resolves to the snapshot now shown (null if another read took over). */
  const refresh = useCallback(async (askServer: boolean): Promise<Snapshot | null> => {
    // A poll or storage event while another read is under way waits for the next tick: otherwise it
    // could overtake a read that is asking the server and put back the server's stale view.
    if (!askServer && inFlight.current > 0) return null;
    const mine = ++seq.current;
    inFlight.current++;
    try {
      const host = windowHost();
      const local = await collectLocal(host);
      const previous = latest.current;
      const cookieNames = (s: { cookies: Snapshot["cookies"] } | null) =>
        (s?.cookies ?? []).map((c) => c.name).join("\u0000");
      const server =
        askServer || !previous || cookieNames(previous) !== cookieNames(local)
          ? await fetchServerCookies(host)
          : previous.serverCookies;
      if (mine !== seq.current) return null; // a newer read has started; it wins
      const next: Snapshot = { ...local, serverCookies: server };
      if (previous && sameSnapshot(previous, next)) return previous;
      latest.current = next;
      setState({ snapshot: next, loaded: true });
      return next;
    } finally {
      inFlight.current--;
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const poll = () => {
      if (!document.hidden) void refresh(false);
    };
    const start = () => {
      if (timer === undefined) timer = setInterval(poll, POLL_MS);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.hidden) return stop();
      void refresh(true);
      start();
    };
    const onStorage = () => void refresh(false);
    const onCookieChange = () => void refresh(true);

    void refresh(true);
    if (!document.hidden) start();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("storage", onStorage);
    let cookieStore: EventTargetLike | undefined;
    try {
      cookieStore = (window as unknown as { cookieStore?: EventTargetLike }).cookieStore;
      cookieStore?.addEventListener("change", onCookieChange);
    } catch {
      cookieStore = undefined;
    }
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("storage", onStorage);
      cookieStore?.removeEventListener("change", onCookieChange);
    };
  }, [refresh, enabled]);

  return { ...state, refresh };
}
