"use client";
// "Cookie settings": reopens the preferences dialog from the footer of every page (and from the policy).
import { useConsent } from "./consent-context";

export function CookieSettingsButton({ className = "cc-link" }: { className?: string }) {
  const { strings, openPreferences, hydrated } = useConsent();
  return (
    <button
      type="button"
      className={`${className} needs-js`}
      disabled={!hydrated}
      onClick={(e) => openPreferences(e.currentTarget)}
    >
      {strings.cookieSettings}
    </button>
  );
}
