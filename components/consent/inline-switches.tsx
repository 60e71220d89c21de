"use client";
// Switches the policy text carries beside the sentences that describe them (MDX <ConsentSwitch>,
// <ServiceSwitch>). Each takes effect at once; in the server HTML they are disabled until hydration.
import { type ReactNode, useId } from "react";
import { categoryState } from "@/lib/consent/choices";
import { useConsent } from "./consent-context";
import { Switch } from "./switch";

function InlineSwitch({
  title,
  on,
  locked,
  note,
  cell,
  onChange,
}: {
  title: string;
  /** "mixed": partly on (its note says how much). */
  on: boolean | "mixed";
  /** Required: always on, cannot be switched off. */
  locked?: boolean;
  /** Said under the switch and read out with it. */
  note?: ReactNode;
  /** In a table row the row names it: no visible label. */
  cell?: boolean;
  onChange(next: boolean): void;
}) {
  const { strings: s, hydrated, announce } = useConsent();
  const id = useId();
  return (
    <span className={cell ? "cc-inline cc-inline-cell" : "cc-inline"} data-interactive="">
      <Switch
        checked={locked || (hydrated && on)}
        disabled={locked}
        pending={!hydrated && !locked}
        label={title}
        labelledBy={cell ? undefined : `${id}l`}
        describedBy={note ? `${id}n` : undefined}
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
        {locked ? s.alwaysOn : hydrated && on !== "mixed" ? (on ? s.on : s.off) : ""}
      </span>
      {note ? (
        <span id={`${id}n`} className="cc-small cc-note cc-inline-note">
          {note}
        </span>
      ) : null}
    </span>
  );
}

export function CategorySwitch({ id, variant = "inline" }: { id: string; variant?: "inline" | "cell" }) {
  const { state, store, registry, strings: s } = useConsent();
  const c = registry.categories.find((x) => x.id === id);
  if (!c) return null;
  const { checked, on, of } = categoryState(registry, state, id);
  return (
    <InlineSwitch
      title={c.title}
      on={checked}
      note={checked === "mixed" && partlyOn(s.partlyOn, on, of)}
      locked={c.required}
      cell={variant === "cell"}
      onChange={(next) => store.setCategory(id, next, "inline")}
    />
  );
}

/** `note`: server-rendered (components/mdx/consent.tsx), shown by CSS where it applies. */
export function ServiceSwitch({ id, note }: { id: string; note?: ReactNode }) {
  const { state, store, registry } = useConsent();
  const sv = registry.services.find((x) => x.id === id);
  if (!sv) return null;
  return (
    <InlineSwitch
      title={sv.name}
      on={state.services[id] === true}
      note={note}
      onChange={(next) => store.setService(id, next, "inline")}
    />
  );
}

/** "Partly on: 1 of 2" */
export const partlyOn = (template: string, on: number, of: number) =>
  template.replace("{on}", `${on}`).replace("{total}", `${of}`);
