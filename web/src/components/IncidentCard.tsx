import { formatDateTime } from "../format.js";
import { Markdown } from "../markdown.js";
import { COMPONENT_STATUS, INCIDENT_STATUS } from "../status.js";

import type { Incident } from "./IncidentCard.graphql.js";

export { INCIDENT_FIELDS } from "./IncidentCard.graphql.js";

/** An incident with its timeline of updates, newest first. */
export function IncidentCard({ incident, headingLevel = 3 }: { incident: Incident; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="incident" data-incident={incident.id}>
      <Heading className="incident-name">{incident.name}</Heading>
      <p className="incident-meta">
        <span className={`pill incident-${incident.status.toLowerCase()}`}>{INCIDENT_STATUS[incident.status]}</span>
        {incident.currentImpacts.length > 0 && (
          <span className="impacts">
            Affects{" "}
            {incident.currentImpacts.map((impact, i) => (
              <span key={impact.componentId}>
                {i > 0 && ", "}
                {impact.name} ({COMPONENT_STATUS[impact.impact === "NO_IMPACT" ? "OPERATIONAL" : impact.impact].label.toLowerCase()})
              </span>
            ))}
          </span>
        )}
      </p>
      <ol className="timeline" aria-label={`Updates on ${incident.name}`}>
        {incident.updates.map((update) => (
          <li key={update.id} className="update">
            <p className="update-head">
              <strong>{INCIDENT_STATUS[update.status]}</strong>
              <time dateTime={update.publishedAt}>{formatDateTime(update.publishedAt)}</time>
            </p>
            <Markdown html={update.messageHtml} />
          </li>
        ))}
      </ol>
    </article>
  );
}
