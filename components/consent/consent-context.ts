"use client";
// The consent context and its hook, apart from <ConsentProvider> so that the banner and the dialog the
// provider renders can use it without importing the provider back (no import cycle).
import { createContext, useContext } from "react";
import type { ConsentState, ConsentStore } from "@/lib/consent/store";
import type { Outbox } from "@/lib/consent-log/outbox";
import type { Strings } from "@/lib/i18n/strings";
import type { ClientRegistry } from "@/lib/registry/client";

/** The banner's confirmation after a choice (GOV.UK pattern). */
export type Confirmation = "accepted" | "rejected" | "saved" | "hidden";

export type ConsentStrings = Strings["consent"];

export interface ConsentContextValue {
  state: ConsentState;
  store: ConsentStore;
  registry: ClientRegistry;
  strings: ConsentStrings;
  /** The consent log's queue in this browser (null on the server): the receipt reads its answers. */
  outbox: Outbox | null;
  /** False in the server HTML and until hydration: islands render their disabled skeleton. */
  hydrated: boolean;
  /** Opens the preferences dialog; focus returns to `opener` (or the active element) on close. */
  openPreferences(opener?: HTMLElement | null): void;
  /** Says something to screen readers through the page's polite status region. */
  announce(message: string): void;
  /** The banner's confirmation after a choice (GOV.UK pattern). */
  confirm(kind: Confirmation): void;
}

export const ConsentContext = createContext<ConsentContextValue | null>(null);

export function useConsent(): ConsentContextValue {
  const ctx = useContext(ConsentContext);
  if (!ctx) throw new Error("useConsent() is used outside <ConsentProvider>.");
  return ctx;
}
