// The component transitions a webhook body reports. As in the Statuspage-compatible
// JSON (domain/statuspage-events.ts), they are the incident's or maintenance's own: what
// this one update moved each component from and to, replayed from the updates. A
// component's status on the page is the worst over everything open on it (README,
// "Component and page status"), which another incident may hold elsewhere.
import { impactStatus } from "../../domain/status.js";
import type { ComponentStatus, IncidentImpact, IncidentStatus, MaintenanceImpact } from "../../domain/types.js";

/** One component's transition, as the body names it. */
export interface ComponentChange {
  id: string;
  name: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

interface IncidentUpdateImpacts {
  status: IncidentStatus;
  impacts: { componentId: string; impact: IncidentImpact; component: { name: string } }[];
}

/** What an incident update (after `previous`, null for the first) did to each component it names or named. */
export function incidentChanges(previous: IncidentUpdateImpacts | null, update: IncidentUpdateImpacts): ComponentChange[] {
  const statusOf = (u: IncidentUpdateImpacts | null, componentId: string): ComponentStatus => {
    if (!u || u.status === "RESOLVED") return "OPERATIONAL";
    const impact = u.impacts.find((i) => i.componentId === componentId);
    return (impact && impactStatus(impact.impact)) ?? "OPERATIONAL";
  };
  const named = new Map<string, string>();
  for (const i of [...update.impacts, ...(previous?.impacts ?? [])]) if (!named.has(i.componentId)) named.set(i.componentId, i.component.name);
  return [...named].flatMap(([id, name]) => {
    const from = statusOf(previous, id);
    const to = statusOf(update, id);
    return from === to ? [] : [{ id, name, from, to }];
  });
}

/** What a maintenance's start or completion did to its components under maintenance; nothing for other kinds. */
export function maintenanceChanges(
  kind: string,
  components: readonly { componentId: string; impact: MaintenanceImpact; component: { name: string } }[],
): ComponentChange[] {
  if (kind !== "STARTED" && kind !== "COMPLETED") return [];
  const [from, to]: [ComponentStatus, ComponentStatus] = kind === "STARTED" ? ["OPERATIONAL", "UNDER_MAINTENANCE"] : ["UNDER_MAINTENANCE", "OPERATIONAL"];
  return components.filter((c) => c.impact === "UNDER_MAINTENANCE").map((c) => ({ id: c.componentId, name: c.component.name, from, to }));
}
