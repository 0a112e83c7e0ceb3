// A publication reviewed before it is published: the card as viewers will see
// it, the components whose status changes, and who is emailed.
import { MaintenanceCard } from "../../src/components/MaintenanceCard.js";
import type { ResultOf } from "../../src/graphql.js";
import { COMPONENT_STATUS } from "../../src/status.js";
import type { ScheduleMaintenanceMutation } from "./Maintenance.graphql.js";

/** The preview the API returned. */
export type Publication = Extract<ResultOf<typeof ScheduleMaintenanceMutation>["scheduleMaintenance"], { __typename: "MaintenancePublication" }>;

/** What viewers and subscribers will get, from the API's preview. */
export function Review({ publication }: { publication: Publication }) {
  const { draft } = publication;
  return (
    <section aria-labelledby="review-title" className="review">
      <h2 id="review-title">Review</h2>
      <p className="muted">As viewers will see it:</p>
      <MaintenanceCard
        maintenance={{
          id: "preview",
          name: draft.name,
          status: draft.status,
          startsAt: draft.startsAt,
          endsAt: draft.endsAt,
          messageHtml: draft.messageHtml,
          components: draft.components,
        }}
      />
      <ul>
        {publication.componentChanges.map((c) => (
          <li key={c.componentId}>
            {c.name}: {COMPONENT_STATUS[c.previous].label} → {COMPONENT_STATUS[c.next].label}
          </li>
        ))}
      </ul>
      <p data-testid="notified">
        {publication.notifiedSubscribers === 1 ? "1 subscriber will be notified." : `${publication.notifiedSubscribers} subscribers will be notified.`}
      </p>
      <p data-testid="notified-webhooks">
        {publication.notifiedWebhookEndpoints === 1
          ? "1 webhook endpoint will be notified."
          : `${publication.notifiedWebhookEndpoints} webhook endpoints will be notified.`}
      </p>
    </section>
  );
}
