// Brings a page into a consent state the way a visitor would: through the banner and the preferences
// dialog, found by their accessible names (a fixed interface, see DESIGN.md).
import type { Locator, Page } from "@playwright/test";
import type { ConsentState } from "@/lib/scan/states";

const APPEAR_MS = 10_000;

/** The visible button with exactly this name (the banner's, while the dialog is closed). */
function visibleButton(scope: Page | Locator, name: string): Locator {
  return scope.getByRole("button", { name, exact: true }).filter({ visible: true }).first();
}

async function isOn(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const aria = el.getAttribute("aria-checked");
    if (aria !== null) return aria === "true";
    return el instanceof HTMLInputElement ? el.checked : false;
  });
}

/**
 * Clicks a control until it has done its work: a click that lands before the page has hydrated does
 * nothing, so try again (a few times) until `done` holds.
 */
async function clickUntil(control: Locator, done: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    await control.click({ timeout: APPEAR_MS });
    const deadline = Date.now() + 1500 * (attempt + 1);
    while (Date.now() < deadline) {
      if (await done()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Clicking ${what} had no effect.`);
}

async function waitVisible(control: Locator, what: string): Promise<void> {
  try {
    await control.waitFor({ state: "visible", timeout: APPEAR_MS });
  } catch {
    throw new Error(`${what} did not appear within ${APPEAR_MS / 1000}s.`);
  }
}

/**
 * Applies the state on the current page. `choosing` is called right before the click that saves the
 * choice, so requests it triggers count as after the choice.
 */
export async function applyState(page: Page, state: ConsentState, choosing: () => void): Promise<void> {
  const action = state.action;
  if (action.kind === "none") return;

  if (action.kind === "banner") {
    const button = visibleButton(page, action.button);
    await waitVisible(button, `The banner button "${action.button}"`);
    choosing();
    await clickUntil(button, async () => !(await button.isVisible()), `"${action.button}"`);
    return;
  }

  const customize = visibleButton(page, "Customize");
  await waitVisible(customize, 'The banner button "Customize"');
  const dialog = page.getByRole("dialog").filter({ visible: true }).first();
  await clickUntil(customize, () => dialog.isVisible(), '"Customize"');

  for (const wanted of action.switches) {
    const control = dialog.getByRole("switch", { name: wanted.name, exact: true });
    const count = await control.count();
    if (count === 0) throw new Error(`The preferences dialog has no switch named "${wanted.name}".`);
    if (count > 1) throw new Error(`The preferences dialog has ${count} switches named "${wanted.name}".`);
    if (await control.isDisabled()) {
      if ((await isOn(control)) !== wanted.on)
        throw new Error(`The switch "${wanted.name}" is locked ${wanted.on ? "off" : "on"}.`);
      continue;
    }
    if ((await isOn(control)) !== wanted.on)
      await clickUntil(control, async () => (await isOn(control)) === wanted.on, `the switch "${wanted.name}"`);
  }
  // Every switch must end as asked, except that a category switch may show on while one of its services
  // is on (a dialog may tie a category's switch to its services).
  for (const wanted of action.switches) {
    const control = dialog.getByRole("switch", { name: wanted.name, exact: true });
    const on = await isOn(control);
    const tied =
      wanted.of === "category" &&
      on &&
      action.switches.some((s) => s.of === "service" && s.on && s.category === wanted.id);
    if (on !== wanted.on && !tied)
      throw new Error(
        `After setting the switches for "${state.label}", "${wanted.name}" is ${on ? "on" : "off"} instead of ${wanted.on ? "on" : "off"}.`,
      );
  }

  const save = visibleButton(dialog, "Save choices");
  await waitVisible(save, 'The dialog button "Save choices"');
  choosing();
  await clickUntil(save, async () => !(await dialog.isVisible()), '"Save choices"');
}
