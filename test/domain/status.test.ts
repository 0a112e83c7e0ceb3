import { describe, it, expect } from "vitest";
import {
  STATUS_SENTENCES,
  STATUS_SEVERITY,
  affectsAny,
  compareStatus,
  deriveComponentStatuses,
  describeComponentChanges,
  pageStatus,
  worstStatus,
  type ActiveIncident,
  type ActiveMaintenance,
} from "../../server/domain/status.js";
import { COMPONENT_STATUSES, type ComponentStatus } from "../../server/domain/types.js";

const incident = (id: string, status: ActiveIncident["status"], impacts: ActiveIncident["impacts"]): ActiveIncident => ({ id, status, impacts });
const maintenance = (id: string, status: ActiveMaintenance["status"], components: ActiveMaintenance["components"]): ActiveMaintenance => ({
  id,
  status,
  components,
});

describe("severity", () => {
  it("orders statuses worst first as DESIGN.md states", () => {
    expect(STATUS_SEVERITY).toEqual(["FULL_OUTAGE", "PARTIAL_OUTAGE", "DEGRADED_PERFORMANCE", "UNDER_MAINTENANCE", "OPERATIONAL"]);
    const sorted = [...COMPONENT_STATUSES].sort(compareStatus).reverse();
    expect(sorted).toEqual([...STATUS_SEVERITY]);
    expect(compareStatus("UNDER_MAINTENANCE", "DEGRADED_PERFORMANCE")).toBeLessThan(0);
    expect(compareStatus("PARTIAL_OUTAGE", "PARTIAL_OUTAGE")).toBe(0);
  });

  it("picks the worst status, OPERATIONAL when there is none", () => {
    expect(worstStatus([])).toBe("OPERATIONAL");
    expect(worstStatus(["UNDER_MAINTENANCE", "DEGRADED_PERFORMANCE", "OPERATIONAL"])).toBe("DEGRADED_PERFORMANCE");
    expect(worstStatus(new Set<ComponentStatus>(["PARTIAL_OUTAGE", "FULL_OUTAGE"]))).toBe("FULL_OUTAGE");
  });
});

describe("deriveComponentStatuses", () => {
  const components = ["api", "web", "db", "cdn"];

  it("is OPERATIONAL everywhere when nothing applies", () => {
    const statuses = deriveComponentStatuses(components, [], []);
    expect([...statuses]).toEqual(components.map((c) => [c, "OPERATIONAL"]));
  });

  it("takes the worst of overlapping incidents and maintenance per component", () => {
    const statuses = deriveComponentStatuses(
      components,
      [
        incident("i1", "INVESTIGATING", [
          { componentId: "api", impact: "DEGRADED_PERFORMANCE" },
          { componentId: "web", impact: "PARTIAL_OUTAGE" },
        ]),
        incident("i2", "MONITORING", [
          { componentId: "api", impact: "FULL_OUTAGE" },
          { componentId: "db", impact: "NO_IMPACT" },
        ]),
      ],
      [
        maintenance("m1", "IN_PROGRESS", [
          { componentId: "web", impact: "UNDER_MAINTENANCE" },
          { componentId: "db", impact: "UNDER_MAINTENANCE" },
        ]),
      ],
    );
    expect(Object.fromEntries(statuses)).toEqual({
      api: "FULL_OUTAGE",
      web: "PARTIAL_OUTAGE",
      db: "UNDER_MAINTENANCE", // NO_IMPACT contributes nothing
      cdn: "OPERATIONAL",
    });
  });

  it("ignores resolved incidents, non-running maintenance and NO_IMPACT maintenance", () => {
    const statuses = deriveComponentStatuses(
      components,
      [incident("i1", "RESOLVED", [{ componentId: "api", impact: "FULL_OUTAGE" }])],
      [
        maintenance("m1", "SCHEDULED", [{ componentId: "web", impact: "UNDER_MAINTENANCE" }]),
        maintenance("m2", "COMPLETE", [{ componentId: "db", impact: "UNDER_MAINTENANCE" }]),
        maintenance("m3", "IN_PROGRESS", [{ componentId: "cdn", impact: "NO_IMPACT" }]),
      ],
    );
    expect(Object.fromEntries(statuses)).toEqual({ api: "OPERATIONAL", web: "OPERATIONAL", db: "OPERATIONAL", cdn: "OPERATIONAL" });
  });

  it("reports only the requested components", () => {
    const statuses = deriveComponentStatuses(["api"], [incident("i1", "IDENTIFIED", [{ componentId: "other", impact: "FULL_OUTAGE" }])], []);
    expect([...statuses]).toEqual([["api", "OPERATIONAL"]]);
  });
});

describe("describeComponentChanges", () => {
  it("lists only changed components, in after-order, then removed ones", () => {
    const before = new Map<string, ComponentStatus>([
      ["db", "PARTIAL_OUTAGE"],
      ["api", "OPERATIONAL"],
      ["web", "DEGRADED_PERFORMANCE"],
      ["old", "FULL_OUTAGE"],
    ]);
    const after = new Map<string, ComponentStatus>([
      ["api", "FULL_OUTAGE"],
      ["web", "DEGRADED_PERFORMANCE"],
      ["db", "OPERATIONAL"],
      ["new", "UNDER_MAINTENANCE"],
    ]);
    expect(describeComponentChanges(before, after)).toEqual([
      { componentId: "api", previous: "OPERATIONAL", next: "FULL_OUTAGE" },
      { componentId: "db", previous: "PARTIAL_OUTAGE", next: "OPERATIONAL" },
      { componentId: "new", previous: "OPERATIONAL", next: "UNDER_MAINTENANCE" },
      { componentId: "old", previous: "FULL_OUTAGE", next: "OPERATIONAL" },
    ]);
  });

  it("is empty when a preview changes nothing", () => {
    const same = new Map<string, ComponentStatus>([["api", "PARTIAL_OUTAGE"]]);
    expect(describeComponentChanges(same, new Map(same))).toEqual([]);
  });
});

describe("pageStatus", () => {
  it("summarises a page by its worst component with a sentence", () => {
    expect(pageStatus([])).toEqual({ status: "OPERATIONAL", sentence: "All systems operational" });
    expect(pageStatus(["OPERATIONAL", "UNDER_MAINTENANCE"])).toEqual({ status: "UNDER_MAINTENANCE", sentence: "Under maintenance" });
    expect(pageStatus(["DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "OPERATIONAL"])).toEqual({ status: "PARTIAL_OUTAGE", sentence: "Partial outage" });
    expect(pageStatus(new Map([["a", "FULL_OUTAGE" as const]]).values())).toEqual({ status: "FULL_OUTAGE", sentence: "Full outage" });
    expect(STATUS_SENTENCES.DEGRADED_PERFORMANCE).toBe("Degraded performance");
  });
});

describe("affectsAny", () => {
  it("shows an incident on a sub-page only when it touches one of its components", () => {
    const subPage = new Set(["api", "web"]);
    expect(affectsAny(["db", "web"], subPage)).toBe(true);
    expect(affectsAny(["db", "cdn"], subPage)).toBe(false);
    expect(affectsAny([], subPage)).toBe(false);
    expect(affectsAny(["api"], new Set())).toBe(false);
  });
});
