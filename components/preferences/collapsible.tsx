"use client";
// A long part of the policy (a declaration table) that the visitor may fold away. Open in the server
// HTML, so it reads and prints in full without JavaScript; the state is remembered with Functional
// consent, and the head script hides a remembered fold before the first paint.
import { type ReactNode, useId } from "react";
import { usePreferences } from "./preferences-provider";

export function Collapsible({
  id,
  label,
  hideText,
  showText,
  defaultOpen = true,
  children,
}: {
  /** Stable id remembered in candor:ui (lower case, digits, dashes). */
  id: string;
  /** What is folded, for screen readers: "Hide table" + label. */
  label: string;
  hideText: string;
  showText: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const { state, store } = usePreferences();
  const bodyId = useId();
  const stored = state.sections[id];
  const open = stored === undefined ? defaultOpen : stored === "open";
  return (
    <div className="collapsible" data-collapsible={id}>
      <button
        type="button"
        className="collapsible-toggle needs-js"
        aria-expanded={open}
        aria-controls={bodyId}
        data-interactive=""
        onClick={() => store.setSection(id, open ? "closed" : "open")}
      >
        <Chevron open={open} />
        {open ? hideText : showText}
        <span className="sr-only"> {label}</span>
      </button>
      <div id={bodyId} data-collapsible-body="" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** The up/down arrow of a fold-out toggle (decorative: the button's aria-expanded says the state). */
export function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      aria-hidden="true"
    >
      <path d={open ? "M6 15l6-6 6 6" : "M6 9l6 6 6-6"} />
    </svg>
  );
}
