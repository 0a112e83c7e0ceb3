// The review before publishing: the incident exactly as viewers will see it
// (the public page's own card), the component statuses that change, and how many
// subscribers will be told — all from the API's preview.
import { useEffect, useRef } from "react";
import { IncidentCard } from "../../src/components/IncidentCard.js";
import type { Incident } from "../../src/components/IncidentCard.graphql.js";
import { COMPONENT_STATUS } from "../../src/status.js";
import type { Publication } from "./publication.js";

/** The incident as it will read once the draft is published; `current` is the incident being updated, if any. */
export function incidentAfter(publication: Publication, current: Incident | null, now: string): Incident {
  const { draft } = publication;
  return {
    id: current?.id ?? "preview",
    name: draft.name,
    status: draft.status,
    publishedAt: current?.publishedAt ?? now,
    resolvedAt: draft.status === "RESOLVED" ? now : null,
    currentImpacts: draft.status === "RESOLVED" ? [] : draft.impacts.filter((i) => i.impact !== "NO_IMPACT"),
    updates: [{ id: "preview-update", status: draft.status, messageHtml: draft.messageHtml, publishedAt: now }, ...(current?.updates ?? [])],
  };
}

/** The review of a draft; `current` is the incident an update is for. */
export function ReviewPanel({ publication, current }: { publication: Publication; current: Incident | null }) {
  const incident = incidentAfter(publication, current, new Date().toISOString());
  const heading = useRef<HTMLHeadingElement>(null);
  // The Review button that asked for this is gone: focus moves here rather than to the page's start.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title" ref={heading} tabIndex={-1}>
        Review
      </h2>
      <p className="muted">Viewers will see:</p>
      <div className="review-card">
        <IncidentCard incident={incident} />
      </div>
      <h3>Component status changes</h3>
      {publication.componentChanges.length === 0 ? (
        <p>No component changes status.</p>
      ) : (
        <ul className="component-changes">
          {publication.componentChanges.map((change) => (
            <li key={change.componentId}>
              {change.name}: {COMPONENT_STATUS[change.previous].label} → {COMPONENT_STATUS[change.next].label}
            </li>
          ))}
        </ul>
      )}
      <h3>Notifications</h3>
      <p className="notified">
        {publication.notifiedSubscribers === 1 ? "1 email subscriber" : `${publication.notifiedSubscribers} email subscribers`} will be notified.
      </p>
      <p className="notified-webhooks">
        {publication.notifiedWebhookEndpoints === 1 ? "1 webhook endpoint" : `${publication.notifiedWebhookEndpoints} webhook endpoints`} will be notified.
      </p>
    </section>
  );
}
