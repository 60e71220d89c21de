import type { ReactNode } from "react";

/** MDX: a highlighted note. Put its heading inside as a normal ### heading. */
export function Callout({ tone = "info", children }: { tone?: "info" | "warning"; children?: ReactNode }) {
  return (
    <div role="note" className="callout" data-tone={tone}>
      {children}
    </div>
  );
}
