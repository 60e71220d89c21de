"use client";
// The one switch: a button with role="switch", named by a visible label (labelledBy) or by `label`.

export function Switch({
  checked,
  onChange,
  disabled = false,
  pending = false,
  labelledBy,
  label,
  describedBy,
}: {
  /** "mixed": a category whose services are only partly on; a press switches all of it on. */
  checked: boolean | "mixed";
  onChange?: (next: boolean) => void;
  disabled?: boolean;
  /** Server HTML and before hydration: the state is not known yet. */
  pending?: boolean;
  labelledBy?: string;
  label?: string;
  describedBy?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      aria-describedby={describedBy}
      disabled={disabled || pending}
      data-pending={pending ? "" : undefined}
      className="cc-switch"
      onClick={() => onChange?.(checked !== true)}
    >
      <span className="cc-switch-thumb" aria-hidden="true" />
    </button>
  );
}
