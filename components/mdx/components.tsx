// The one component map: everything the legal team may use in the policy MDX, and nothing else.
import type { ComponentProps } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Strings } from "@/lib/i18n/strings";
import type { Registry } from "@/lib/registry/schema";
import { Callout } from "./callout";
import { ConsentReceipt, ConsentSwitch, CookieSettings, ServiceSwitch } from "./consent";
import { DeclarationTable } from "./declaration-table";
import { Heading } from "./heading";
import { SmartLink } from "./smart-link";
import { PolicyTable, Table } from "./table";

export interface MdxContext {
  locale: Locale;
  registry: Registry;
  strings: Strings;
}

export function createMdxComponents(ctx: MdxContext) {
  return {
    // Markdown elements
    h2: (p: ComponentProps<"h2">) => <Heading as="h2" {...p} />,
    h3: (p: ComponentProps<"h3">) => <Heading as="h3" {...p} />,
    h4: (p: ComponentProps<"h4">) => <Heading as="h4" {...p} />,
    a: SmartLink,
    table: PolicyTable,
    // Components the legal team writes by name
    Callout,
    Table,
    DeclarationTable: ({ category }: { category: string }) => <DeclarationTable category={category} {...ctx} />,
    ConsentSwitch: (p: { category: string; variant?: string }) => <ConsentSwitch {...p} registry={ctx.registry} />,
    ServiceSwitch: (p: { service: string }) => <ServiceSwitch {...p} registry={ctx.registry} />,
    ConsentReceipt,
    CookieSettings,
  };
}

/** Names usable in MDX, with the props each accepts (checked by `npm run content:check`). */
export const MDX_COMPONENT_NAMES = [
  "Callout",
  "Table",
  "DeclarationTable",
  "ConsentSwitch",
  "ServiceSwitch",
  "ConsentReceipt",
  "CookieSettings",
] as const;
