"use client";
import { useReducer } from "react";

/**
 * The text of a live region and a function that sets it. A screen reader announces a live region only
 * when its text changes, so saying the same thing twice in a row ("Deleted _ga." after another "_ga")
 * would be silent: a repeat gets a no-break space appended, which changes the text and reads the same.
 * A reducer, because its dispatch is stable without a useCallback (and this ships in the consent client).
 */
export const useAnnouncer = (): [message: string, announce: (message: string) => void] =>
  useReducer((previous: string, next: string) => (previous === next ? `${next}\u00a0` : next), "");
