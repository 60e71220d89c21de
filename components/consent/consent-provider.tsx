"use client";
// Creates the page's consent store and shares it with every consent island (banner, dialog, inline
// switches, receipt) and with other features (inspector, theme, language) through useConsent().
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useAnnouncer } from "@/components/use-announcer";
import { whenIdle } from "@/components/use-deferred-import";
import { useBrowserStore, useHydrated } from "@/components/use-hydrated";
import { type Lifetime, RECORD_KEY } from "@/lib/consent/record";
import { createConsentStore } from "@/lib/consent/store";
import { connectVendorsOnDemand } from "@/lib/consent/vendors/on-demand";
import { actionOf, type ConsentProof, eventFor, placeOf } from "@/lib/consent-log/event";
import { createOutbox } from "@/lib/consent-log/outbox";
import type { ClientRegistry } from "@/lib/registry/client";
import { ConsentBanner } from "./consent-banner";
import { type Confirmation, ConsentContext, type ConsentContextValue, type ConsentStrings } from "./consent-context";

// The settings dialog is code only a visitor who opens it needs: it loads on demand (fetched when the
// page is idle, so opening it is instant), which keeps it out of the JS every page view parses.
const loadDialog = () => import("./preferences-dialog");
const PreferencesDialog = lazy(() => loadDialog().then((m) => ({ default: m.PreferencesDialog })));

// Long because it is where the store meets the page: the record's attributes on <html>, other tabs, the
// consent log's outbox, the vendors and the dialog share one effect's lifetime. The rules are in lib/.
export function ConsentProvider({
  registry,
  consentRevision,
  policyVersion,
  proof,
  lifetime,
  bannerIntro,
  dialogDetails,
  strings,
  children,
}: {
  registry: ClientRegistry;
  consentRevision: number;
  policyVersion: string;
  /** Hashes of the texts this page shows, for the consent log (lib/consent-log/texts.ts). */
  proof: ConsentProof;
  /** How long a decision holds (lib/consent/lifetime.ts reads it from the registry on the server). */
  lifetime?: Lifetime;
  /** The banner's title and sentences, server-rendered (components/consent/banner-intro.tsx). */
  bannerIntro: ReactNode;
  /** The dialog's text for each category and service, server-rendered (components/consent/dialog-details.tsx). */
  dialogDetails: Record<string, ReactNode>;
  strings: ConsentStrings;
  children?: ReactNode;
}) {
  const onServer = typeof window === "undefined";
  const base = { registry, revision: consentRevision, policyVersion, lifetime };
  const [outbox] = useState(() => (onServer ? null : createOutbox()));
  // the texts this page view showed; the store's hook keeps the first one, so everything uses that
  const [pageProof] = useState(proof);
  const [store] = useState(() =>
    createConsentStore({
      ...base,
      gpc: !onServer && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
      env: onServer ? { host: {} } : undefined,
      // each decision made here is queued for the consent log before anything reacts to it
      onDecision: (record, kind, before, after) =>
        outbox?.add((link) =>
          eventFor(
            record,
            after,
            { action: actionOf(kind), place: placeOf(record.method), reconsent: before.undecidedReason === "outdated" },
            {
              sequence: link.sequence,
              previousDecisionId: link.previousDecisionId ?? before.record?.id ?? null,
              clientTime: record.decidedAt,
            },
            pageProof,
          ),
        ),
    }),
  );
  // what the server rendered: nothing known about this visitor
  const [serverState] = useState(() => createConsentStore({ ...base, env: { host: {} } }).getState());
  const hydrated = useHydrated();
  const state = useBrowserStore(store.subscribe, store.getState, () => serverState, hydrated);

  const [dialogOpen, setDialogOpen] = useState(false);
  // mounted from the first time it is opened on; closing keeps it, so it keeps its state like before
  const [dialogWanted, setDialogWanted] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const [announcement, announce] = useAnnouncer();
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
    // Global Privacy Control now overrides advertising consent this decision gave without it: logged once
    const s = store.getState();
    const r = s.record;
    if (
      r &&
      s.gpc &&
      !r.gpc &&
      outbox?.read().gpcFor !== r.id &&
      registry.services.some((sv) => r.services[sv.id] && !s.services[sv.id])
    )
      outbox?.add(
        (link) =>
          eventFor(
            r,
            s,
            { action: "gpc", place: "browser", reconsent: false },
            { ...link, clientTime: new Date().toISOString() },
            pageProof,
          ),
        r.id,
      );
    else void outbox?.flush();
    whenIdle(() => void loadDialog().catch(() => undefined));
    const onOnline = () => void outbox?.flush();
    window.addEventListener("online", onOnline);
    // location.reload() keeps the scroll position (history.scrollRestoration is "auto")
    const vendors = {
      services: registry.services.filter((sv) => sv.active && sv.accountId).map((sv) => sv.id),
      load: () =>
        import("@/lib/consent/vendors/for-registry").then((m) =>
          m.connectRegistryVendors(store, registry, () => window.location.reload()),
        ),
    };
    const disconnect = connectVendorsOnDemand(store, vendors, (e) =>
      console.error("The analytics and advertising code could not be loaded:", e),
    );
    return () => {
      unsubscribe();
      disconnect();
      window.removeEventListener("storage", onStorage);
      window.removeEventListener("online", onOnline);
    };
  }, [store, outbox, registry, pageProof]);

  const openPreferences = useCallback((from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement as HTMLElement | null);
    setDialogWanted(true);
    setDialogOpen(true);
  }, []);

  const value = useMemo<ConsentContextValue>(
    () => ({ state, store, registry, strings, outbox, hydrated, openPreferences, announce, confirm: setConfirmation }),
    [state, store, registry, strings, outbox, hydrated, openPreferences, announce],
  );

  return (
    <ConsentContext.Provider value={value}>
      <ConsentBanner confirmation={confirmation} onHide={() => setConfirmation("hidden")} intro={bannerIntro} />
      {children}
      {dialogWanted && (
        <Suspense fallback={null}>
          <PreferencesDialog
            details={dialogDetails}
            open={dialogOpen}
            onClose={() => setDialogOpen(false)}
            opener={opener}
          />
        </Suspense>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </ConsentContext.Provider>
  );
}
