"use client";
// The first layer (GOV.UK cookie banner pattern): a labelled region at the very top of the page, in
// the normal flow so it never covers what has focus. Whether it shows in the first frame is decided by
// CSS from the <html> attributes the head script sets; after a choice it turns into a confirmation.
import { type ReactNode, useEffect, useRef } from "react";
import { type Confirmation, useConsent } from "./consent-context";

// Long because it is the banner's markup in both of its states (the question and the confirmation after a
// choice); what a choice does lives in the store (lib/consent/store.ts).
export function ConsentBanner({
  confirmation,
  onHide,
  intro,
}: {
  confirmation: Confirmation | null;
  onHide(): void;
  /** The title and sentences above the buttons, rendered on the server (components/consent/banner-intro.tsx). */
  intro: ReactNode;
}) {
  const { state, store, registry, strings: s, openPreferences, confirm } = useConsent();
  const message = useRef<HTMLParagraphElement>(null);
  const confirming = confirmation !== null && confirmation !== "hidden";
  const notice = !confirming && confirmation !== "hidden" && state.status === "decided" && !state.persisted;

  useEffect(() => {
    if (confirming) message.current?.focus();
  }, [confirming, confirmation]);

  // accepted, but Global Privacy Control kept an advertising service off: say so
  const held = state.gpc && registry.services.some((sv) => sv.advertising && !state.services[sv.id]);

  const confirmText = notice
    ? s.notRemembered
    : confirming
      ? {
          accepted: held ? s.confirmAcceptedGpc : s.confirmAccepted,
          rejected: s.confirmRejected,
          saved: s.confirmSaved,
        }[confirmation]
      : null;

  return (
    <div className="cc-banner" data-phase={confirmText ? "confirm" : "ask"} data-interactive="">
      {confirmText ? (
        <section className="cc-banner-inner" aria-label={s.bannerTitle}>
          <p ref={message} tabIndex={-1} className="cc-banner-message">
            {confirmText}
            {notice ? null : (
              <>
                {" "}
                {s.confirmChangeBefore}
                <button type="button" className="cc-link" onClick={(e) => openPreferences(e.currentTarget)}>
                  {s.confirmChangeLink}
                </button>
                {s.confirmChangeAfter}
              </>
            )}
          </p>
          {confirming && !state.persisted ? <p className="cc-banner-note">{s.notRemembered}</p> : null}
          <div className="cc-actions">
            <button
              type="button"
              className="cc-btn"
              onClick={() => {
                // focus would fall to <body> with the banner gone: the page's heading is where reading resumes
                document.querySelector<HTMLElement>("h1[tabindex]")?.focus();
                onHide();
              }}
            >
              {s.hide}
            </button>
          </div>
        </section>
      ) : (
        <section className="cc-banner-inner" aria-labelledby="cc-banner-title">
          {intro}
          <div className="cc-actions">
            <button
              type="button"
              className="cc-btn"
              onClick={() => {
                store.acceptAll("banner-accept-all");
                confirm("accepted");
              }}
            >
              {s.acceptAll}
            </button>
            <button
              type="button"
              className="cc-btn"
              onClick={() => {
                store.rejectAll("banner-reject-all");
                confirm("rejected");
              }}
            >
              {s.rejectAll}
            </button>
            <button type="button" className="cc-btn" onClick={(e) => openPreferences(e.currentTarget)}>
              {s.customize}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
