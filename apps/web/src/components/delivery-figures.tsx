import type { DeliveryFigures } from "../api/index.ts";
import { n } from "../lib/format.ts";

/** What became of a campaign's notices once the relay took them (issue 15): "sent" alone says only that. */
export function DeliveryFiguresView({ delivery }: { delivery: DeliveryFigures }) {
  const { delivered, bounced, redirected, noContactLeft } = delivery;
  return (
    <dl className="stats" aria-label="After sending">
      <div>
        <dt>Delivered</dt>
        <dd data-testid="delivery-delivered">{n(delivered)}</dd>
      </div>
      <div>
        <dt>Bounced</dt>
        <dd data-testid="delivery-bounced" className={bounced > 0 ? "bad" : undefined}>
          {n(bounced)}
        </dd>
      </div>
      <div>
        <dt>Redirected</dt>
        <dd data-testid="delivery-redirected">{n(redirected)}</dd>
      </div>
      <div>
        <dt>No contact left</dt>
        <dd data-testid="delivery-no-contact-left" className={noContactLeft > 0 ? "bad" : undefined}>
          {n(noContactLeft)}
        </dd>
      </div>
    </dl>
  );
}
