import { describe, it, expect } from "vitest";
import {
  allowedMaintenanceStatusChange,
  canUpdateIncident,
  canUpdateMaintenance,
  dueMaintenanceTransition,
  nextMaintenanceWakeUp,
  transitionTiming,
  type SchedulableMaintenance,
} from "../../server/domain/transitions.js";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../../server/domain/types.js";

const START = new Date("2026-03-10T12:00:00Z");
const END = new Date("2026-03-10T14:00:00Z");
const window = (over: Partial<SchedulableMaintenance> = {}): SchedulableMaintenance => ({
  status: "SCHEDULED",
  autoUpdate: true,
  startsAt: START,
  endsAt: END,
  ...over,
});
const at = (iso: string): Date => new Date(iso);

describe("closed incidents and maintenance", () => {
  it("refuses updates only once resolved or complete", () => {
    expect(INCIDENT_STATUSES.filter(canUpdateIncident)).toEqual(["INVESTIGATING", "IDENTIFIED", "MONITORING"]);
    expect(MAINTENANCE_STATUSES.filter(canUpdateMaintenance)).toEqual(["SCHEDULED", "IN_PROGRESS"]);
  });

  it("lets maintenance status move forward or stay, never back", () => {
    const allowed = MAINTENANCE_STATUSES.flatMap((from) =>
      MAINTENANCE_STATUSES.filter((to) => allowedMaintenanceStatusChange(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed).toEqual(["SCHEDULED->SCHEDULED", "SCHEDULED->IN_PROGRESS", "SCHEDULED->COMPLETE", "IN_PROGRESS->IN_PROGRESS", "IN_PROGRESS->COMPLETE"]);
  });
});

describe("dueMaintenanceTransition", () => {
  it("starts a scheduled window at its start instant, not a millisecond before", () => {
    expect(dueMaintenanceTransition(window(), at("2026-03-10T11:59:59.999Z"))).toBeNull();
    expect(dueMaintenanceTransition(window(), START)).toBe("IN_PROGRESS");
    expect(dueMaintenanceTransition(window(), at("2026-03-10T13:00:00Z"))).toBe("IN_PROGRESS");
  });

  it("completes an in-progress window at its end", () => {
    const running = window({ status: "IN_PROGRESS" });
    expect(dueMaintenanceTransition(running, at("2026-03-10T13:59:59Z"))).toBeNull();
    expect(dueMaintenanceTransition(running, END)).toBe("COMPLETE");
  });

  it("catches up a window that opened and closed while the service was down", () => {
    expect(dueMaintenanceTransition(window(), at("2026-03-11T08:00:00Z"))).toBe("COMPLETE");
  });

  it("leaves manual and complete maintenance alone", () => {
    expect(dueMaintenanceTransition(window({ autoUpdate: false }), at("2026-03-10T13:00:00Z"))).toBeNull();
    expect(dueMaintenanceTransition(window({ autoUpdate: false, status: "IN_PROGRESS" }), at("2026-03-11T00:00:00Z"))).toBeNull();
    expect(dueMaintenanceTransition(window({ status: "COMPLETE" }), at("2026-03-11T00:00:00Z"))).toBeNull();
  });
});

describe("nextMaintenanceWakeUp", () => {
  it("finds the earliest future start or end among auto-updating maintenance", () => {
    const list = [
      window({ startsAt: at("2026-03-12T00:00:00Z"), endsAt: at("2026-03-12T04:00:00Z") }),
      window({ status: "IN_PROGRESS", startsAt: at("2026-03-10T06:00:00Z"), endsAt: at("2026-03-11T09:00:00Z") }),
      window({ autoUpdate: false, startsAt: at("2026-03-10T13:00:00Z"), endsAt: at("2026-03-10T15:00:00Z") }),
      window({ status: "COMPLETE", startsAt: at("2026-03-10T13:00:00Z"), endsAt: at("2026-03-10T15:00:00Z") }),
    ];
    expect(nextMaintenanceWakeUp(list, at("2026-03-10T12:30:00Z"))).toEqual(at("2026-03-11T09:00:00Z"));
  });

  it("skips instants already due and reports a scheduled window's end once its start has passed", () => {
    expect(nextMaintenanceWakeUp([window()], START)).toEqual(END);
    expect(nextMaintenanceWakeUp([window()], at("2026-03-10T11:00:00Z"))).toEqual(START);
    expect(nextMaintenanceWakeUp([window()], END)).toBeNull();
    expect(nextMaintenanceWakeUp([], START)).toBeNull();
  });
});

describe("transitionTiming", () => {
  const published = (iso: string, over: Partial<SchedulableMaintenance> = {}) => ({ ...window(over), lastPublishedAt: at(iso) });
  const UP_ALL_ALONG = at("2026-03-10T08:00:00Z");

  it("is on time for an instance that was running at the instant, however late it got to it", () => {
    expect(transitionTiming(published("2026-03-10T09:00:00Z"), UP_ALL_ALONG)).toBe("ON_TIME");
    expect(transitionTiming(published("2026-03-10T09:00:00Z", { status: "IN_PROGRESS" }), UP_ALL_ALONG)).toBe("ON_TIME");
  });

  it("blames downtime only for an instant that passed before the process started, in a window known by then", () => {
    const restartedAt = at("2026-03-10T15:00:00Z");
    expect(transitionTiming(published("2026-03-10T09:00:00Z"), restartedAt)).toBe("SERVICE_DOWN");
    expect(transitionTiming(published("2026-03-10T13:00:00Z", { status: "IN_PROGRESS" }), restartedAt)).toBe("SERVICE_DOWN");
    // The start passed while down, but the process was up again before the end.
    expect(transitionTiming(published("2026-03-10T12:00:00Z", { status: "IN_PROGRESS" }), at("2026-03-10T12:30:00Z"))).toBe("ON_TIME");
    expect(transitionTiming(published("2026-03-10T09:00:00Z"), null)).toBe("ON_TIME");
  });

  it("is late by publication for a window published or moved already begun or ended", () => {
    const restartedAt = at("2026-03-10T15:00:00Z");
    expect(transitionTiming(published("2026-03-10T12:00:00Z"), UP_ALL_ALONG)).toBe("PUBLISHED_LATE");
    expect(transitionTiming(published("2026-03-10T14:30:00Z"), restartedAt)).toBe("PUBLISHED_LATE");
    expect(transitionTiming(published("2026-03-10T14:00:00Z", { status: "IN_PROGRESS" }), restartedAt)).toBe("PUBLISHED_LATE");
  });
});
