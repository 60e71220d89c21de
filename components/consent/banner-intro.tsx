// The consent banner's title and sentences above its buttons. A server component passed to the banner
// island as a prop: words and links cost no client code. Which paragraphs show (the policy changed,
// Global Privacy Control is on) is decided by CSS from the <html> attributes the head script sets.
import type { Strings } from "@/lib/i18n/strings";

export function BannerIntro({
  strings: s,
  policyHref,
}: {
  strings: Strings["consent"];
  /** The policy, and its "what changed" section. */
  policyHref: { policy: string; changes: string };
}) {
  return (
    <>
      <h2 id="cc-banner-title" className="cc-banner-title">
        {s.bannerTitle}
      </h2>
      <p className="cc-revised">
        {s.bannerRevised} <a href={policyHref.changes}>{s.bannerRevisedLink}</a>
      </p>
      <p>
        {s.bannerText} <a href={policyHref.policy}>{s.bannerPolicyLink}</a>
      </p>
      <p className="cc-gpc">{s.bannerGpc}</p>
    </>
  );
}
