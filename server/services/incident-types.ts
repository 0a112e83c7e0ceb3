// What publishing an incident or an update takes, and what it publishes.
import type { IncidentImpact, IncidentStatus } from "../domain/types.js";
import type { ComponentLevel, NamedComponentLevel } from "./affected-components.js";
import type { Publication } from "./preview.js";

/** An impact on a component, with the component's name. */
export type NamedImpact = NamedComponentLevel<IncidentImpact>;

/** What one update publishes. */
export interface IncidentDraft {
  name: string;
  status: IncidentStatus;
  message: string;
  impacts: NamedImpact[];
}

/** The published update, with the component statuses it changes. */
export type IncidentPublication = Publication<IncidentDraft>;

/** A new incident and its first update. */
export interface PublishIncidentInput {
  pageId: string;
  name: string;
  status: IncidentStatus;
  message: string;
  impacts: ComponentLevel[];
}

/** A later update of an incident. */
export interface IncidentUpdateInput {
  incidentId: string;
  status: IncidentStatus;
  message: string;
  /** Omitted: the previous update's impacts carry forward. */
  impacts?: ComponentLevel[] | null;
}
