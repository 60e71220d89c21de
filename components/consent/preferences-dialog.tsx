"use client";
// The second layer: a modal dialog with a switch per category and per service. Changes are a draft
// until "Save choices" (or "Accept all" / "Reject all"); Escape or Close leaves everything as it was.
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import * as rules from "@/lib/consent/choices";
import { useConsent } from "./consent-context";
import { Switch } from "./switch";

export function PreferencesDialog({
  open,
  onClose,
  opener,
}: {
  open: boolean;
  onClose(): void;
  opener: RefObject<HTMLElement | null>;
}) {
  const { state, store, registry, strings: s, confirm } = useConsent();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
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
    const focusables = [
      ...e.currentTarget.querySelectorAll<HTMLElement>("button:not(:disabled), a[href], [tabindex='0']"),
    ];
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
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
            <button type="button" className="cc-btn cc-btn-quiet" onClick={() => finish()}>
              {s.close}
            </button>
          </div>
          <p className="cc-muted">{s.dialogIntro}</p>
          {registry.categories.map((c) => {
            const services = registry.services.filter((sv) => sv.category === c.id);
            return (
              <section key={c.id} className="cc-category" aria-labelledby={`${titleId}-${c.id}`}>
                <div className="cc-row">
                  <h3 id={`${titleId}-${c.id}`}>{c.title}</h3>
                  {c.required ? <span className="cc-muted cc-small">{s.alwaysOn}</span> : null}
                  <Switch
                    checked={c.required || draft.categories[c.id] === true}
                    disabled={c.required}
                    labelledBy={`${titleId}-${c.id}`}
                    onChange={(on) => setDraft((d) => rules.setCategory(registry, d, c.id, on, state.gpc))}
                  />
                </div>
                <p className="cc-muted cc-small">{c.description}</p>
                {services.length ? (
                  <ul className="cc-services">
                    {services.map((sv) => (
                      <li key={sv.id} className="cc-row">
                        <div>
                          <span id={`${titleId}-svc-${sv.id}`} className="cc-service-name">
                            {sv.name}
                          </span>
                          <span className="cc-muted cc-small"> · {sv.provider}</span>
                          <p className="cc-muted cc-small">
                            {sv.description}{" "}
                            <a href={sv.privacyUrl} rel="noopener noreferrer" target="_blank">
                              {s.privacyPolicy.replace("{provider}", sv.provider)}
                            </a>
                          </p>
                          {!sv.active ? <p className="cc-small cc-note">{s.notActive}</p> : null}
                          {sv.advertising && state.gpc ? <p className="cc-small cc-note">{s.advertisingGpc}</p> : null}
                        </div>
                        <Switch
                          checked={rules.isServiceOn(registry, draft, sv.id)}
                          labelledBy={`${titleId}-svc-${sv.id}`}
                          onChange={(on) => setDraft((d) => rules.setService(registry, d, sv.id, on))}
                        />
                      </li>
                    ))}
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
