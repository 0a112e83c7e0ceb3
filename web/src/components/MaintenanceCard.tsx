import { formatWindow } from "../format.js";
import { Markdown } from "../markdown.js";
import { MAINTENANCE_STATUS } from "../status.js";

import type { Maintenance } from "./MaintenanceCard.graphql.js";

export { MAINTENANCE_FIELDS } from "./MaintenanceCard.graphql.js";

export function MaintenanceCard({ maintenance }: { maintenance: Maintenance }) {
  const affected = maintenance.components.filter((c) => c.impact === "UNDER_MAINTENANCE");
  return (
    <article className="maintenance" data-maintenance={maintenance.id}>
      <h3>{maintenance.name}</h3>
      <p className="incident-meta">
        <span className="pill maintenance-pill">{MAINTENANCE_STATUS[maintenance.status]}</span>
        <time dateTime={maintenance.startsAt}>{formatWindow(maintenance.startsAt, maintenance.endsAt)}</time>
      </p>
      {affected.length > 0 && <p className="impacts">Under maintenance: {affected.map((c) => c.name).join(", ")}</p>}
      <Markdown html={maintenance.messageHtml} />
    </article>
  );
}
