// The one component map: everything the legal team may use in the policy MDX, and nothing else.
import type { ComponentProps, ReactNode } from "react";
import { BrowserGuide, PrivacySignals, StorageInspector, StorageUsage } from "@/components/inspector/deferred";
import { IslandBoundary } from "@/components/island-boundary";
import { Collapsible } from "@/components/preferences/collapsible";
import type { MdxComponentName, MdxPropsOf } from "@/lib/content/mdx-specs";
import type { Locale } from "@/lib/i18n/locales";
import type { Strings } from "@/lib/i18n/strings";
import { localize, type Registry } from "@/lib/registry/schema";
import { BrowserSteps } from "./browser-steps";
import { Callout } from "./callout";
import { ConsentReceipt, ConsentSwitch, CookieSettings, ServiceSwitch, WithControls } from "./consent";
import { DeclarationTable } from "./declaration-table";
import { Heading } from "./heading";
import { SmartLink } from "./smart-link";
import { PolicyTable, Table } from "./table";

export interface MdxContext {
  locale: Locale;
  registry: Registry;
  strings: Strings;
}

/** Each name in specs.ts implemented with exactly its props: a component without a spec is a type error. */
type NamedComponents = {
  [K in MdxComponentName]: (props: MdxPropsOf<K> & { children?: ReactNode }) => ReactNode | Promise<ReactNode>;
};

export function createMdxComponents(ctx: MdxContext) {
  const failed = <p className="island-failed">{ctx.strings.islandFailed}</p>;
  const named = {
    Callout,
    Table,
    DeclarationTable: ({ category }) => {
      const cat = ctx.registry.categories.find((c) => c.id === category);
      return (
        <Collapsible
          id={`declaration-${category}`}
          label={cat ? `${localize(cat.title, ctx.locale)}: ${ctx.strings.declaration.captionSuffix}` : category}
          hideText={ctx.strings.preferences.hideTable}
          showText={ctx.strings.preferences.showTable}
        >
          <DeclarationTable category={category} {...ctx} />
        </Collapsible>
      );
    },
    StorageInspector: () => (
      <IslandBoundary fallback={failed}>
        <StorageInspector
          strings={{ ...ctx.strings.inspector, storage: ctx.strings.declaration.storage }}
          locale={ctx.locale}
        />
      </IslandBoundary>
    ),
    StorageUsage: () => (
      <IslandBoundary fallback={failed}>
        <StorageUsage
          strings={ctx.strings.storageUsage}
          areaNames={{
            localStorage: ctx.strings.declaration.storage.localStorage,
            sessionStorage: ctx.strings.declaration.storage.sessionStorage,
          }}
          locale={ctx.locale}
        />
      </IslandBoundary>
    ),
    PrivacySignals: () => (
      <IslandBoundary fallback={failed}>
        <PrivacySignals strings={ctx.strings.privacySignals} />
      </IslandBoundary>
    ),
    // the written steps are the policy's text: if the guide fails, they stay, in the order written
    BrowserGuide: ({ children }) => (
      <IslandBoundary fallback={<div className="browser-guide">{children}</div>}>
        <BrowserGuide strings={ctx.strings.browserGuide}>{children}</BrowserGuide>
      </IslandBoundary>
    ),
    BrowserSteps,
    // the ids are checked on the server first (a typo fails the build), outside any boundary
    ConsentSwitch: (p) => <ConsentSwitch {...p} registry={ctx.registry} fallback={failed} />,
    ServiceSwitch: (p) => (
      <ServiceSwitch {...p} registry={ctx.registry} strings={ctx.strings.consent} fallback={failed} />
    ),
    ConsentReceipt: () => (
      <IslandBoundary fallback={failed}>
        <ConsentReceipt none={ctx.strings.consent.receipt.none} />
      </IslandBoundary>
    ),
    CookieSettings: () => (
      <IslandBoundary>
        <CookieSettings noScript={ctx.strings.noScript} />
      </IslandBoundary>
    ),
    WithControls,
  } satisfies NamedComponents;
  return {
    // Markdown elements
    h2: (p: ComponentProps<"h2">) => <Heading as="h2" {...p} />,
    h3: (p: ComponentProps<"h3">) => <Heading as="h3" {...p} />,
    h4: (p: ComponentProps<"h4">) => <Heading as="h4" {...p} />,
    a: SmartLink,
    table: PolicyTable,
    // Components the legal team writes by name (their props are declared in specs.ts)
    ...named,
  };
}
