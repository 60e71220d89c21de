import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Switch } from "./switch";

describe("the switch", () => {
  it("says mixed for a category that is only partly on", () => {
    expect(renderToStaticMarkup(createElement(Switch, { checked: "mixed", label: "Analytics" }))).toContain(
      'aria-checked="mixed"',
    );
  });

  it("is a disabled, checked switch when locked on", () => {
    const html = renderToStaticMarkup(createElement(Switch, { checked: true, disabled: true, label: "Necessary" }));
    expect(html).toContain('aria-checked="true"');
    expect(html).toContain("disabled");
  });
});
