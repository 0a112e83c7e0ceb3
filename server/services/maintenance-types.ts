// What scheduling or updating a maintenance takes, and what it publishes.
import type { MaintenanceImpact, MaintenanceStatus } from "../domain/types.js";
import type { ComponentLevel, NamedComponentLevel } from "./affected-components.js";
import type { Publication } from "./preview.js";

/** An impact on a component, with the component's name. */
export type NamedMaintenanceImpact = NamedComponentLevel<MaintenanceImpact>;

/** What one publish (schedule or update) makes of a maintenance. */
export interface MaintenanceDraft {
  name: string;
  status: MaintenanceStatus;
  message: string;
  startsAt: Date;
  endsAt: Date;
  autoUpdate: boolean;
  components: NamedMaintenanceImpact[];
}

/** The published maintenance, with the component statuses it changes. */
export type MaintenancePublication = Publication<MaintenanceDraft>;

/** A maintenance to schedule. */
export interface ScheduleMaintenanceInput {
  pageId: string;
  name: string;
  message: string;
  startsAt: Date;
  endsAt: Date;
  autoUpdate: boolean;
  components: ComponentLevel[];
}

/** An update of a scheduled maintenance. */
export interface MaintenanceUpdateInput {
  maintenanceId: string;
  status: MaintenanceStatus;
  message: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  /** Omitted: the affected components stay as they are. */
  components?: ComponentLevel[] | null;
}
