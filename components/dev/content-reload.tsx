"use client";
// Dev preview only: re-renders the page whenever a file in content/ is saved (Next does not watch
// files that the server reads from disk).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function ContentReload() {
  const router = useRouter();
  useEffect(() => {
    const events = new EventSource("/api/dev/content-changes");
    events.onmessage = () => router.refresh();
    return () => events.close();
  }, [router]);
  return null;
}
