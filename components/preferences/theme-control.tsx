"use client";
// The header's theme choice: light, dark or the system's. Radio buttons, so arrow keys move between them.
import { useId } from "react";
import type { Strings } from "@/lib/i18n/strings";
import { type Theme, themes } from "@/lib/preferences/stored";
import { usePreferences } from "./preferences-provider";

const ICONS: Record<Theme, React.ReactNode> = {
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />,
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
};

export function ThemeControl({ strings: t }: { strings: Strings["preferences"] }) {
  const { state, store, hydrated } = usePreferences();
  const name = useId();
  const noteId = `${name}-note`;
  // a choice that will not outlast this visit says so where it was made, not only to screen readers
  const visitOnly = state.functional === false && state.theme !== "system";
  return (
    <div className="theme-wrap needs-js">
      <fieldset className="theme-control" aria-describedby={noteId}>
        <legend className="sr-only">{t.theme}</legend>
        {themes.map((theme) => (
          <label key={theme} className="theme-option" title={t[theme]}>
            <input
              type="radio"
              name={name}
              value={theme}
              checked={state.theme === theme}
              disabled={!hydrated}
              onChange={() => store.setTheme(theme)}
            />
            <svg
              viewBox="0 0 24 24"
              width="16"
              height="16"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden="true"
            >
              {ICONS[theme]}
            </svg>
            <span className="theme-option-text">{t[theme]}</span>
          </label>
        ))}
      </fieldset>
      <span id={noteId} className={visitOnly ? "theme-note" : "sr-only"}>
        {state.functional ? t.remembered : t.thisVisit}
      </span>
    </div>
  );
}
