"use client";
// MDX island around the written "Browser Cookie Controls" steps. The server HTML keeps every browser's
// steps in the order written (for readers without JavaScript, and for printing); in the browser the
// visitor's own browser comes first and the others fold away, each still reachable from the table of
// contents, by find-in-page and by the toggle.
import { Children, isValidElement, type ReactElement, type ReactNode, useEffect, useId, useRef } from "react";
import { Chevron } from "@/components/preferences/collapsible";
import { usePreferences } from "@/components/preferences/preferences-provider";
import { useBrowserValue } from "@/components/use-hydrated";
import { type DetectedBrowser, detectBrowser, type GuideBrowser } from "@/lib/browser/detect";
import { fragmentId } from "@/lib/browser/fragment";
import { fill } from "@/lib/i18n/fill";
import type { Strings } from "@/lib/i18n/strings";

const OTHERS_SECTION = "browser-guide-others";

function detect(): DetectedBrowser {
  const nav = navigator as Navigator & { userAgentData?: { brands?: Array<{ brand: string }> } };
  return detectBrowser({ userAgent: nav.userAgent, brands: nav.userAgentData?.brands });
}

type Steps = ReactElement<{ "data-browser"?: string }>;

export function BrowserGuide({ strings: t, children }: { strings: Strings["browserGuide"]; children?: ReactNode }) {
  const detected = useBrowserValue(detect, null);
  const { state, store } = usePreferences();
  const othersRef = useRef<HTMLDivElement>(null);
  const bodyId = useId();
  const open = state.sections[OTHERS_SECTION] === "open";

  const sections = Children.toArray(children).filter(isValidElement) as Steps[];
  const browserOf = (s: Steps) => s.props["data-browser"];
  const mine = detected && detected !== "other" ? sections.find((s) => browserOf(s) === detected) : undefined;

  // A link or find-in-page that lands inside the folded part unfolds it (for this visit).
  useEffect(() => {
    const el = othersRef.current;
    if (!el || open) return;
    el.setAttribute("hidden", "until-found");
    const reveal = () => store.setSection(OTHERS_SECTION, "open");
    const onHash = () => {
      const id = fragmentId(window.location.hash);
      const target = id ? document.getElementById(id) : null;
      if (target && el.contains(target)) {
        reveal();
        requestAnimationFrame(() => target.scrollIntoView());
      }
    };
    onHash();
    el.addEventListener("beforematch", reveal);
    window.addEventListener("hashchange", onHash);
    return () => {
      el.removeEventListener("beforematch", reveal);
      window.removeEventListener("hashchange", onHash);
    };
  }, [open, store, mine]);

  useEffect(() => {
    if (open) othersRef.current?.removeAttribute("hidden");
  }, [open]);

  if (!mine) return <div className="browser-guide">{children}</div>;
  const others = sections.filter((s) => s !== mine);
  const name = t.names[detected as GuideBrowser];
  return (
    <div className="browser-guide" data-detected={detected}>
      <div className="browser-guide-mine">
        <p className="browser-guide-badge">
          <span className="ins-badge">{t.yourBrowser}</span> {fill(t.detected, { browser: name })}
        </p>
        {mine}
      </div>
      <button
        type="button"
        className="collapsible-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        data-interactive=""
        onClick={() => store.setSection(OTHERS_SECTION, open ? "closed" : "open")}
      >
        <Chevron open={open} />
        {t.otherBrowsers}
      </button>
      <div id={bodyId} ref={othersRef} className="browser-guide-others">
        {others}
      </div>
    </div>
  );
}
