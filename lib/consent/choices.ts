// Per-category and per-service choices and the rules that tie them together: required categories are
// always on; a service runs only when its category is on; Global Privacy Control keeps advertising
// services off on "Accept all" unless the visitor switches that service, or its category, on by itself.
import type { ClientItem, ClientRegistry } from "../registry/client";

export interface Choices {
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
}

type Reg = Pick<ClientRegistry, "categories" | "services" | "items">;

const own = (r: Record<string, boolean>, k: string) => Object.hasOwn(r, k) && r[k] === true;

/** Nothing but the required categories. */
export function noneGranted(reg: Reg): Choices {
  return {
    categories: Object.fromEntries(reg.categories.map((c) => [c.id, c.required])),
    services: Object.fromEntries(reg.services.map((s) => [s.id, false])),
  };
}

/** Everything, except advertising services under GPC that the visitor has not switched on already. */
export function allGranted(reg: Reg, gpc: boolean, current: Choices = noneGranted(reg)): Choices {
  return settle(reg, {
    categories: Object.fromEntries(reg.categories.map((c) => [c.id, true])),
    services: Object.fromEntries(
      reg.services.map((s) => [s.id, gpc && s.advertising ? own(current.services, s.id) : true]),
    ),
  });
}

/** Any input (a stored record, a form) as complete choices over the current registry; unknown ids drop out. */
export function normalise(reg: Reg, input: Partial<Choices>): Choices {
  const cats = input.categories ?? {};
  const svcs = input.services ?? {};
  const categories = Object.fromEntries(reg.categories.map((c) => [c.id, c.required || own(cats, c.id)]));
  const services = Object.fromEntries(
    reg.services.map((s) => [s.id, own(svcs, s.id) && categories[s.category] === true]),
  );
  return settle(reg, { categories, services });
}

/**
 * The visitor's own switch of one category, and with it all of its services. Under Global Privacy Control
 * too: advertising has a category of its own, so switching it on is an explicit choice, unlike "Accept all".
 */
export function setCategory(reg: Reg, choices: Choices, id: string, on: boolean): Choices {
  const category = reg.categories.find((c) => c.id === id);
  if (!category || category.required) return choices;
  const services = { ...choices.services };
  for (const s of reg.services) if (s.category === id) services[s.id] = on;
  return settle(reg, { categories: { ...choices.categories, [id]: on }, services });
}

/** A visitor's own switch of one service: the only way an advertising service comes on under GPC. */
export function setService(reg: Reg, choices: Choices, id: string, on: boolean): Choices {
  const service = reg.services.find((s) => s.id === id);
  if (!service) return choices;
  const categories = on ? { ...choices.categories, [service.category]: true } : choices.categories;
  return settle(reg, { categories, services: { ...choices.services, [id]: on } });
}

/**
 * A category made only of services is on exactly when one of its services is: switching the last
 * service off switches the category off, so a switch never shows "on" for something that does nothing.
 * A category that holds items of its own (Functional) keeps its own switch.
 */
function settle(reg: Reg, choices: Choices): Choices {
  const categories = { ...choices.categories };
  for (const c of reg.categories) {
    if (c.required) {
      categories[c.id] = true;
      continue;
    }
    const services = reg.services.filter((s) => s.category === c.id);
    const hasOwnItems = reg.items.some((i) => i.category === c.id && i.service === null);
    if (services.length > 0 && !hasOwnItems && categories[c.id])
      categories[c.id] = services.some((s) => own(choices.services, s.id));
  }
  return { categories, services: choices.services };
}

export function isCategoryOn(reg: Reg, choices: Choices, id: string): boolean {
  return reg.categories.find((c) => c.id === id)?.required === true || own(choices.categories, id);
}

export function isServiceOn(reg: Reg, choices: Choices, id: string): boolean {
  const service = reg.services.find((s) => s.id === id);
  return !!service && own(choices.services, id) && isCategoryOn(reg, choices, service.category);
}

/**
 * What a category's switch shows: a category whose services are partly on is "mixed" (its own items, if
 * any, count as one more part), so a switch never says "on" for a category that is only partly allowed.
 * `on` of `of` parts are on, for "Partly on: 1 of 2".
 */
export function categoryState(reg: Reg, choices: Choices, id: string) {
  const parts = reg.services.filter((s) => s.category === id).map((s) => isServiceOn(reg, choices, s.id));
  if (reg.items.some((i) => i.category === id && i.service === null)) parts.push(true);
  const checked = isCategoryOn(reg, choices, id);
  const on = checked ? parts.filter(Boolean).length : 0;
  return { checked: checked && on < parts.length ? ("mixed" as const) : checked, on, of: parts.length };
}

/** Whether an item may exist in the browser under these choices. */
export function isItemAllowed(reg: Reg, choices: Choices, item: Pick<ClientItem, "category" | "service">): boolean {
  if (!isCategoryOn(reg, choices, item.category)) return false;
  return item.service === null || isServiceOn(reg, choices, item.service);
}
