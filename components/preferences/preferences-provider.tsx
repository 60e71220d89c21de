"use client";
// Owns the page's PreferencesStore (theme, collapsed page parts) and ties it to Functional consent:
// choices always apply to this visit, and are kept in localStorage only while Functional is granted.
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useState } from "react";
import { useConsent } from "@/components/consent/consent-context";
import { useBrowserStore, useHydrated } from "@/components/use-hydrated";
import { UI_STATE_STYLE_ID } from "@/lib/preferences/head-script";
import {
  createPreferencesStore,
  DEFAULT_THEME,
  type PreferencesState,
  type PreferencesStore,
} from "@/lib/preferences/store";
import { THEME_KEY, type Theme, UI_KEY } from "@/lib/preferences/stored";
import { applyThemeColor } from "@/lib/preferences/theme-color";

interface PreferencesContextValue {
  state: PreferencesState;
  store: PreferencesStore;
  /** False in the server HTML and until hydration. */
  hydrated: boolean;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

export function usePreferences(): PreferencesContextValue {
  const ctx = useContext(PreferencesContext);
  if (!ctx) throw new Error("usePreferences() is used outside <PreferencesProvider>.");
  return ctx;
}

const SERVER_STATE: PreferencesState = { theme: DEFAULT_THEME, sections: {}, functional: null };

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
  applyThemeColor(document, theme);
}

export function PreferencesProvider({ children }: { children?: ReactNode }) {
  const onServer = typeof window === "undefined";
  const [store] = useState(() =>
    createPreferencesStore({ host: onServer ? {} : undefined, applyTheme: onServer ? undefined : applyTheme }),
  );
  const hydrated = useHydrated();
  const state = useBrowserStore(store.subscribe, store.getState, () => SERVER_STATE, hydrated);
  const consent = useConsent();
  // The category the registry files the preference keys under (Functional). Not known before
  // hydration; no valid decision means not granted.
  const category =
    consent.registry.items.find((i) => i.name === THEME_KEY && i.storage === "localStorage")?.category ?? "functional";
  const functional = hydrated
    ? consent.state.status === "decided" && consent.state.categories[category] === true
    : null;

  // Strict Mode's dev remount resets <html> attributes; re-apply what the head script set.
  useLayoutEffect(() => applyTheme(store.getState().theme), [store]);

  useEffect(() => store.setFunctionalConsent(functional), [store, functional]);

  useEffect(() => {
    // React now renders the collapsed parts itself; the head script's stand-in style must go
    if (hydrated) document.getElementById(UI_STATE_STYLE_ID)?.remove();
  }, [hydrated]);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === THEME_KEY || e.key === UI_KEY || e.key === null) store.syncFromStorage();
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [store]);

  return <PreferencesContext.Provider value={{ state, store, hydrated }}>{children}</PreferencesContext.Provider>;
}
