"use client";
import { useCallback, useState } from "react";

/**
 * The text of a live region and a function that sets it. A screen reader announces a live region only
 * when its text changes, so saying the same thing twice in a row ("Deleted _ga." after another "_ga")
 * would be silent: a repeat gets a no-break space appended, which changes the text and reads the same.
 */
export function useAnnouncer(): [message: string, announce: (message: string) => void] {
  const [message, setMessage] = useState("");
  const announce = useCallback((next: string) => setMessage((prev) => (prev === next ? `${next}\u00a0` : next)), []);
  return [message, announce];
}
