// The runbook's words for each incident status and impact level, with the
// one-line meaning the form shows beside each choice.
import type { IncidentStatus, SchemaType } from "../../src/graphql.js";
import { INCIDENT_STATUS } from "../../src/status.js";

export type { IncidentStatus };
export type ImpactLevel = SchemaType<"IncidentImpactLevel">;

/** Each status in the order an incident moves through them, with its meaning. */
export const STATUS_CHOICES: readonly { value: IncidentStatus; label: string; meaning: string }[] = [
  { value: "INVESTIGATING", label: INCIDENT_STATUS.INVESTIGATING, meaning: "Report an incident" },
  { value: "IDENTIFIED", label: INCIDENT_STATUS.IDENTIFIED, meaning: "Problem has been determined and a fix is being made" },
  { value: "MONITORING", label: INCIDENT_STATUS.MONITORING, meaning: "Fix is implemented and we are monitoring the situation" },
  { value: "RESOLVED", label: INCIDENT_STATUS.RESOLVED, meaning: "Everything is good to go" },
];

/** Each impact level, least first, with its meaning. */
export const IMPACT_CHOICES: readonly { value: ImpactLevel; label: string; meaning: string }[] = [
  { value: "NO_IMPACT", label: "No impact", meaning: "The incident does not impact this component" },
  { value: "DEGRADED_PERFORMANCE", label: "Degraded performance", meaning: "The component is working but at lower than standard performance levels" },
  { value: "PARTIAL_OUTAGE", label: "Partial outage", meaning: "Significant parts of the component are not working" },
  { value: "FULL_OUTAGE", label: "Full outage", meaning: "The component is hard down" },
];
