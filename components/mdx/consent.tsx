// MDX components for acting on consent inside the policy text. Server wrappers: they check the id the
// legal team wrote against the registry (a typo fails the build with a clear message), then render
// the client island.

import type { ReactNode } from "react";
import { CookieSettingsButton } from "@/components/consent/cookie-settings-button";
import { CategorySwitch, ServiceSwitch as ServiceIsland } from "@/components/consent/inline-switches";
import { NoScriptNote } from "@/components/consent/no-script-note";
import { ReceiptIsland } from "@/components/consent/receipt-island";
import { ReceiptNone } from "@/components/consent/receipt-none";
import { IslandBoundary } from "@/components/island-boundary";
import type { Strings } from "@/lib/i18n/strings";
import { isServiceActive } from "@/lib/registry/client";
import type { Registry } from "@/lib/registry/schema";

function known(kind: string, value: string | undefined, ids: string[]): string {
  if (value && ids.includes(value)) return value;
  throw new Error(
    `${kind}: unknown ${kind === "ConsentSwitch" ? "category" : "service"} "${value ?? ""}". Known: ${ids.join(", ")}.`,
  );
}

/** `<ConsentSwitch category="analytics" />`; `variant="cell"` inside a table row (no visible label). */
export function ConsentSwitch({
  category,
  variant,
  registry,
  fallback,
}: {
  category: string;
  variant?: string;
  registry: Registry;
  fallback?: ReactNode;
}) {
  const id = known(
    "ConsentSwitch",
    category,
    registry.categories.map((c) => c.id),
  );
  if (variant !== undefined && variant !== "cell" && variant !== "inline")
    throw new Error(`ConsentSwitch: variant is "inline" (the default) or "cell", not "${variant}".`);
  return (
    <IslandBoundary fallback={fallback}>
      <CategorySwitch id={id} variant={variant === "cell" ? "cell" : "inline"} />
    </IslandBoundary>
  );
}

/** `<ServiceSwitch service="ga4" />` */
export function ServiceSwitch({
  service,
  registry,
  strings,
  fallback,
}: {
  service: string;
  registry: Registry;
  strings: Strings["consent"];
  fallback?: ReactNode;
}) {
  const id = known(
    "ServiceSwitch",
    service,
    registry.services.map((s) => s.id),
  );
  const sv = registry.services.find((s) => s.id === id);
  const inactive = !isServiceActive(sv?.env);
  // the Global Privacy Control note shows by CSS only while the signal is on and the switch off
  const note =
    inactive || sv?.advertising ? (
      <>
        {inactive ? strings.notActive : null}
        {sv?.advertising ? <span className="cc-gpc-held"> {strings.advertisingGpc}</span> : null}
      </>
    ) : undefined;
  return (
    <IslandBoundary fallback={fallback}>
      <ServiceIsland id={id} note={note} />
    </IslandBoundary>
  );
}

/** `<ConsentReceipt />`: until its code has loaded, the receipt as it is with no decision (server HTML). */
export function ConsentReceipt({ none }: { none: string }) {
  return (
    <ReceiptIsland>
      <ReceiptNone text={none} />
    </ReceiptIsland>
  );
}

/** `<CookieSettings />`: a button that opens the cookie settings dialog; without JavaScript, a note in its place. */
export function CookieSettings({ noScript }: { noScript: string }) {
  return (
    <>
      <NoScriptNote text={noScript} />
      <CookieSettingsButton className="cc-btn" />
    </>
  );
}

/**
 * `<WithControls>`: sentences that point at the live controls ("decide right here", "listed below"). They
 * are left out where the controls are not: on paper, and without JavaScript.
 */
export function WithControls({ children }: { children?: ReactNode }) {
  return <div className="with-controls">{children}</div>;
}
