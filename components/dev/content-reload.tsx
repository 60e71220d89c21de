"use client";
// Dev preview only: re-renders the page when content/ on disk differs from what the page was rendered
// from (Next does not watch files that the server reads itself). Comparing fingerprints, rather than
// reacting to change events, also catches saves made while no connection was open.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export function ContentReload({ stamp }: { stamp: string }) {
  const router = useRouter();
  const rendered = useRef(stamp);
  useEffect(() => {
    rendered.current = stamp;
  }, [stamp]);
  useEffect(() => {
    const events = new EventSource("/api/dev/content-changes");
    const root = document.documentElement;
    // says when saves are being watched (the first connection waits for the route to compile)
    events.onopen = () => root.setAttribute("data-content-reload", "watching");
    events.onerror = () => root.setAttribute("data-content-reload", "reconnecting");
    events.onmessage = (e: MessageEvent<string>) => {
      if (e.data !== rendered.current) router.refresh();
    };
    return () => {
      events.close();
      root.removeAttribute("data-content-reload");
    };
  }, [router]);
  return null;
}
