// The receipt before there is a decision to show: the server renders it as the receipt's stand-in until
// the receipt's code has loaded (receipt-island.tsx), and the receipt renders the same when there is none.
import { CookieSettingsButton } from "./cookie-settings-button";

export function ReceiptNone({ text }: { text: string }) {
  return (
    <div className="cc-receipt not-prose" data-interactive="">
      <p>
        {text} <CookieSettingsButton />
      </p>
    </div>
  );
}
