"use client";
// Switches the policy text carries beside the sentences that describe them (MDX <ConsentSwitch>,
// <ServiceSwitch>). Each takes effect at once; in the server HTML they are disabled until hydration.
import { useId } from "react";
import { useConsent } from "./consent-provider";
import { Switch } from "./switch";

export function CategorySwitch({ id, variant = "inline" }: { id: string; variant?: "inline" | "cell" }) {
  const { state, store, registry, strings: s, hydrated, announce } = useConsent();
  const labelId = useId();
  const category = registry.categories.find((c) => c.id === id);
  if (!category) return null;
  const on = category.required || (hydrated && state.categories[id] === true);
  const change = (next: boolean) => {
    store.setCategory(id, next, "inline");
    announce((next ? s.switchedOn : s.switchedOff).replace("{title}", category.title));
  };
  const status = category.required ? s.alwaysOn : hydrated ? (on ? s.on : s.off) : "";
  if (variant === "cell") {
    return (
      <span className="cc-inline cc-inline-cell" data-interactive="">
        <Switch checked={on} disabled={category.required} pending={!hydrated && !category.required} label={category.title} onChange={change} />
        <span className="cc-small cc-muted" aria-hidden="true">
          {status}
        </span>
      </span>
    );
  }
  return (
    <span className="cc-inline" data-interactive="">
      <Switch checked={on} disabled={category.required} pending={!hydrated && !category.required} labelledBy={labelId} onChange={change} />
      <span id={labelId} className="cc-inline-label">
        {category.title}
      </span>
      <span className="cc-small cc-muted" aria-hidden="true">
        {status}
      </span>
    </span>
  );
}

export function ServiceSwitch({ id }: { id: string }) {
  const { state, store, registry, strings: s, hydrated, announce } = useConsent();
  const labelId = useId();
  const noteId = useId();
  const service = registry.services.find((sv) => sv.id === id);
  if (!service) return null;
  const on = hydrated && state.services[id] === true;
  const notes = [!service.active ? s.notActive : null, service.advertising && state.gpc ? s.advertisingGpc : null].filter(Boolean);
  return (
    <span className="cc-inline" data-interactive="">
      <Switch
        checked={on}
        pending={!hydrated}
        labelledBy={labelId}
        describedBy={notes.length ? noteId : undefined}
        onChange={(next) => {
          store.setService(id, next, "inline");
          announce((next ? s.switchedOn : s.switchedOff).replace("{title}", service.name));
        }}
      />
      <span id={labelId} className="cc-inline-label">
        {service.name}
      </span>
      <span className="cc-small cc-muted" aria-hidden="true">
        {hydrated ? (on ? s.on : s.off) : ""}
      </span>
      {notes.length ? (
        <span id={noteId} className="cc-small cc-note cc-inline-note">
          {notes.join(" ")}
        </span>
      ) : null}
    </span>
  );
}
