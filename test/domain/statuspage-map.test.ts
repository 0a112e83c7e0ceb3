// Our statuses and impacts as Statuspage's v2 API names them (README "Statuspage-compatible JSON").
import { describe, expect, it } from "vitest";
import {
  STATUSPAGE_INCIDENT_STATUS,
  STATUSPAGE_MAINTENANCE_STATUS,
  componentStatus,
  impactIndicator,
  pageIndicator,
} from "../../server/domain/statuspage-map.js";
import { COMPONENT_STATUSES } from "../../server/domain/types.js";

describe("the Statuspage mapping", () => {
  it("names each component status", () => {
    expect(COMPONENT_STATUSES.map(componentStatus)).toEqual(["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"]);
  });

  it("gives the page indicator of its worst status, with Statuspage's description", () => {
    expect(COMPONENT_STATUSES.map(pageIndicator)).toEqual([
      { indicator: "none", description: "All Systems Operational" },
      { indicator: "maintenance", description: "Service Under Maintenance" },
      { indicator: "minor", description: "Partially Degraded Service" },
      { indicator: "major", description: "Partial System Outage" },
      { indicator: "critical", description: "Major System Outage" },
    ]);
  });

  it("gives an incident or maintenance the impact of its worst impact", () => {
    expect(impactIndicator([])).toBe("none");
    expect(impactIndicator(["NO_IMPACT"])).toBe("none");
    expect(impactIndicator(["DEGRADED_PERFORMANCE", "NO_IMPACT"])).toBe("minor");
    expect(impactIndicator(["DEGRADED_PERFORMANCE", "FULL_OUTAGE", "PARTIAL_OUTAGE"])).toBe("critical");
    expect(impactIndicator(["PARTIAL_OUTAGE"])).toBe("major");
    expect(impactIndicator(["NO_IMPACT", "UNDER_MAINTENANCE"])).toBe("maintenance");
  });

  it("names incident and maintenance statuses", () => {
    expect(STATUSPAGE_INCIDENT_STATUS).toEqual({ INVESTIGATING: "investigating", IDENTIFIED: "identified", MONITORING: "monitoring", RESOLVED: "resolved" });
    expect(STATUSPAGE_MAINTENANCE_STATUS).toEqual({ SCHEDULED: "scheduled", IN_PROGRESS: "in_progress", COMPLETE: "completed" });
  });
});
