"use client";
// The second layer: a modal dialog with a switch per category and per service. Changes are a draft
// until "Save choices" (or "Accept all" / "Reject all"); Escape or Close leaves everything as it was.
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import * as rules from "@/lib/consent/choices";
import { useConsent } from "./consent-context";
import { partlyOn } from "./inline-switches";
import { Switch } from "./switch";

// Long because it is one modal's markup and its draft (a switch per category and service, three ways to
// finish); the rules of a choice are lib/consent/choices.ts.
export function PreferencesDialog({
  open,
  onClose,
  opener,
  details,
}: {
  /** Each category's and service's description, links and notes by id, server-rendered (dialog-details.tsx). */
  details: Record<string, ReactNode>;
  open: boolean;
  onClose(): void;
  opener: RefObject<HTMLElement | null>;
}) {
  const { store, registry, strings: s, confirm } = useConsent();
  const ref = useRef<HTMLDialogElement>(null);
  // one dialog per page: fixed ids
  const titleId = "cc-dialog";
  const [draft, setDraft] = useState<rules.Choices>(() => rules.noneGranted(registry));
  const [wasUndecided, setWasUndecided] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const current = store.getState();
      setDraft({ categories: current.categories, services: current.services });
      setWasUndecided(current.status === "undecided");
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, store]);

  const finish = (kind?: "saved" | "accepted" | "rejected") => {
    if (kind && wasUndecided) confirm(kind);
    onClose();
  };

  // the dialog closes itself on Escape; this puts focus back where it came from
  const onDialogClose = () => {
    onClose();
    const back = opener.current;
    if (back && back.isConnected && back.getClientRects().length) back.focus();
    else document.querySelector<HTMLElement>(".cc-banner-message, #main")?.focus();
  };

  // keep Tab inside the dialog: from the last control to the first and back
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const all = e.currentTarget.querySelectorAll<HTMLElement>("button:not(:disabled), a[href], [tabindex='0']");
    const [from, to] = e.shiftKey ? [all[0], all[all.length - 1]] : [all[all.length - 1], all[0]];
    if (to && document.activeElement === from) {
      e.preventDefault();
      to.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="cc-dialog"
      aria-labelledby={titleId}
      onClose={onDialogClose}
      onKeyDown={onKeyDown}
      data-interactive=""
    >
      {open ? (
        <div className="cc-dialog-body">
          <div className="cc-dialog-head">
            <h2 id={titleId}>{s.dialogTitle}</h2>
            <button type="button" className="cc-btn cc-btn-quiet cc-close" onClick={() => finish()}>
              {s.close}
            </button>
          </div>
          <p className="cc-muted">{s.dialogIntro}</p>
          {registry.categories.map((c) => {
            const services = registry.services.filter((sv) => sv.category === c.id);
            const cat = rules.categoryState(registry, draft, c.id);
            const stateId = `${titleId}-${c.id}-s`;
            return (
              <section key={c.id} className="cc-category" aria-labelledby={`${titleId}-${c.id}`}>
                <div className="cc-row">
                  <h3 id={`${titleId}-${c.id}`}>{c.title}</h3>
                  <span id={stateId} className="cc-muted cc-small">
                    {c.required ? s.alwaysOn : cat.checked === "mixed" ? partlyOn(s.partlyOn, cat.on, cat.of) : null}
                  </span>
                  <Switch
                    checked={cat.checked}
                    disabled={c.required}
                    labelledBy={`${titleId}-${c.id}`}
                    describedBy={stateId}
                    onChange={(on) => setDraft((d) => rules.setCategory(registry, d, c.id, on))}
                  />
                </div>
                {details[`c:${c.id}`]}
                {services.length ? (
                  <ul className="cc-services">
                    {services.map((sv) => {
                      // the switch right after its name (tab order), the text and links below both
                      return (
                        <li key={sv.id} className="cc-service">
                          <span>
                            <span id={`${titleId}-svc-${sv.id}`} className="cc-service-name">
                              {sv.name}
                            </span>
                            <span className="cc-muted cc-small"> · {sv.provider}</span>
                          </span>
                          <Switch
                            checked={rules.isServiceOn(registry, draft, sv.id)}
                            labelledBy={`${titleId}-svc-${sv.id}`}
                            onChange={(next) => setDraft((d) => rules.setService(registry, d, sv.id, next))}
                          />
                          {details[sv.id]}
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
              </section>
            );
          })}
          <div className="cc-actions cc-dialog-actions">
            <button
              type="button"
              className="cc-btn"
              onClick={() => {
                store.save(draft, "dialog");
                finish("saved");
              }}
            >
              {s.saveChoices}
            </button>
            <button
              type="button"
              className="cc-btn"
              onClick={() => {
                store.acceptAll("dialog");
                finish("accepted");
              }}
            >
              {s.acceptAll}
            </button>
            <button
              type="button"
              className="cc-btn"
              onClick={() => {
                store.rejectAll("dialog");
                finish("rejected");
              }}
            >
              {s.rejectAll}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
