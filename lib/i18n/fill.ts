// Fills "{name}" placeholders in an interface string. Unknown placeholders stay visible, so a missing
// value shows up in review instead of vanishing.
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}
