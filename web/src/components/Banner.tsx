import { COMPONENT_STATUS } from "../status.js";
import type { StatusSummary } from "./Banner.graphql.js";

/** The page's overall status. A polite live region, so screen readers hear it change. */
export function Banner({ summary }: { summary: StatusSummary }) {
  const look = COMPONENT_STATUS[summary.status];
  return (
    <section className={`banner tone-${look.tone}`} aria-labelledby="overall-status" data-status={summary.status}>
      <span className="banner-icon" aria-hidden="true">
        {look.icon}
      </span>
      <h2 id="overall-status" aria-live="polite">
        {summary.sentence}
      </h2>
    </section>
  );
}
