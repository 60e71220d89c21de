"use client";
// Switches the policy text carries beside the sentences that describe them (MDX <ConsentSwitch>,
// <ServiceSwitch>). Each takes effect at once; in the server HTML they are disabled until hydration.
import { useId } from "react";
import { useConsent } from "./consent-context";
import { Switch } from "./switch";

function InlineSwitch({
  title,
  on,
  locked,
  notes = [],
  cell,
  onChange,
}: {
  title: string;
  on: boolean;
  /** Required: always on, cannot be switched off. */
  locked?: boolean;
  notes?: Array<string | false>;
  /** In a table row the row names it: no visible label. */
  cell?: boolean;
  onChange(next: boolean): void;
}) {
  const { strings: s, hydrated, announce } = useConsent();
  const id = useId();
  const shown = notes.filter(Boolean);
  return (
    <span className={cell ? "cc-inline cc-inline-cell" : "cc-inline"} data-interactive="">
      <Switch
        checked={locked || (hydrated && on)}
        disabled={locked}
        pending={!hydrated && !locked}
        label={title}
        labelledBy={cell ? undefined : `${id}l`}
        describedBy={shown.length ? `${id}n` : undefined}
        onChange={(next) => {
          onChange(next);
          announce((next ? s.switchedOn : s.switchedOff).replace("{title}", title));
        }}
      />
      {cell ? null : (
        <span id={`${id}l`} className="cc-inline-label">
          {title}
        </span>
      )}
      <span className="cc-small cc-muted cc-inline-state" aria-hidden="true">
        {locked ? s.alwaysOn : hydrated ? (on ? s.on : s.off) : ""}
      </span>
      {shown.length ? (
        <span id={`${id}n`} className="cc-small cc-note cc-inline-note">
          {shown.join(" ")}
        </span>
      ) : null}
    </span>
  );
}

export function CategorySwitch({ id, variant = "inline" }: { id: string; variant?: "inline" | "cell" }) {
  const { state, store, registry } = useConsent();
  const c = registry.categories.find((x) => x.id === id);
  if (!c) return null;
  return (
    <InlineSwitch
      title={c.title}
      on={state.categories[id] === true}
      locked={c.required}
      cell={variant === "cell"}
      onChange={(next) => store.setCategory(id, next, "inline")}
    />
  );
}

export function ServiceSwitch({ id }: { id: string }) {
  const { state, store, registry, strings: s } = useConsent();
  const sv = registry.services.find((x) => x.id === id);
  if (!sv) return null;
  return (
    <InlineSwitch
      title={sv.name}
      on={state.services[id] === true}
      notes={[!sv.active && s.notActive, sv.advertising && state.gpc && s.advertisingGpc]}
      onChange={(next) => store.setService(id, next, "inline")}
    />
  );
}
