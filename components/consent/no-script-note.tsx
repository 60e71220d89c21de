// Said where the consent controls would be when no script runs (they need it). Shown by CSS only while
// <html> has no data-consent, which the head script sets before the first paint: with JavaScript it is
// never painted, so it neither flashes nor shifts anything. A server component: no client code.
export function NoScriptNote({ text }: { text: string }) {
  return <p className="cc-nojs">{text}</p>;
}
