import { COMPONENT_STATUS } from "../status.js";
import type { ComponentStatus } from "../graphql.js";

/** A status as symbol, word and colour together. */
export function StatusLabel({ status }: { status: ComponentStatus }) {
  const look = COMPONENT_STATUS[status];
  return (
    <span className={`status tone-${look.tone}`} data-status={status}>
      <span className="status-icon" aria-hidden="true">
        {look.icon}
      </span>
      {look.label}
    </span>
  );
}
