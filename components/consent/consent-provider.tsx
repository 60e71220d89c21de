"use client";
// Creates the page's consent store and shares it with every consent island (banner, dialog, inline
// switches, receipt) and with other features (inspector, theme, language) through useConsent().
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useBrowserStore, useHydrated } from "@/components/use-hydrated";
import { type Lifetime, RECORD_KEY } from "@/lib/consent/record";
import { createConsentStore } from "@/lib/consent/store";
import { connectVendors } from "@/lib/consent/vendors/connect";
import { loadersFor } from "@/lib/consent/vendors/for-registry";
import type { ClientRegistry } from "@/lib/registry/client";
import { ConsentBanner } from "./consent-banner";
import { type Confirmation, ConsentContext, type ConsentContextValue, type ConsentStrings } from "./consent-context";
import { PreferencesDialog } from "./preferences-dialog";

export function ConsentProvider({
  registry,
  consentRevision,
  policyVersion,
  lifetime,
  policyHref,
  strings,
  children,
}: {
  registry: ClientRegistry;
  consentRevision: number;
  policyVersion: string;
  /** How long a decision holds (lib/consent/lifetime.ts reads it from the registry on the server). */
  lifetime?: Lifetime;
  /** Link to the policy, and its "what changed" section. */
  policyHref: { policy: string; changes: string };
  strings: ConsentStrings;
  children?: ReactNode;
}) {
  const onServer = typeof window === "undefined";
  const base = { registry, revision: consentRevision, policyVersion, lifetime };
  const [store] = useState(() =>
    createConsentStore({
      ...base,
      gpc: !onServer && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
      env: onServer ? { host: {} } : undefined,
    }),
  );
  // what the server rendered: nothing known about this visitor
  const [serverState] = useState(() => createConsentStore({ ...base, env: { host: {} } }).getState());
  const hydrated = useHydrated();
  const state = useBrowserStore(store.subscribe, store.getState, () => serverState, hydrated);
  const [loaders] = useState(() => (onServer ? [] : loadersFor(registry)));

  const [dialogOpen, setDialogOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  useEffect(() => {
    const root = document.documentElement;
    const sync = () => {
      const s = store.getState();
      root.setAttribute("data-consent", s.status);
      if (s.undecidedReason === "outdated") root.setAttribute("data-consent-reason", "outdated");
      else root.removeAttribute("data-consent-reason");
      if (s.gpc) root.setAttribute("data-gpc", "");
      if (s.status === "undecided") setConfirmation(null);
    };
    sync();
    const unsubscribe = store.subscribe(sync);
    // another tab decided, or someone deleted the record
    const onStorage = (e: StorageEvent) => {
      if (e.key === RECORD_KEY || e.key === null) store.refresh();
    };
    window.addEventListener("storage", onStorage);
    store.sweep();
    // location.reload() keeps the scroll position (history.scrollRestoration is "auto")
    const disconnect = connectVendors(store, loaders, () => window.location.reload());
    return () => {
      unsubscribe();
      disconnect();
      window.removeEventListener("storage", onStorage);
    };
  }, [store, loaders]);

  const openPreferences = useCallback((from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement as HTMLElement | null);
    setDialogOpen(true);
  }, []);
  const announce = useCallback((message: string) => {
    // a repeated message is announced again only if the text changes
    setAnnouncement((prev) => (prev === message ? `${message}\u00a0` : message));
  }, []);

  const value = useMemo<ConsentContextValue>(
    () => ({ state, store, registry, strings, hydrated, openPreferences, announce, confirm: setConfirmation }),
    [state, store, registry, strings, hydrated, openPreferences, announce],
  );

  return (
    <ConsentContext.Provider value={value}>
      <ConsentBanner confirmation={confirmation} onHide={() => setConfirmation("hidden")} policyHref={policyHref} />
      {children}
      <PreferencesDialog open={dialogOpen} onClose={() => setDialogOpen(false)} opener={opener} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </ConsentContext.Provider>
  );
}
