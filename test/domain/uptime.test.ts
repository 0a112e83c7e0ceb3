import { describe, it, expect } from "vitest";
import { PARTIAL_OUTAGE_WEIGHT, computeUptime, type ImpactHistory } from "../../server/domain/uptime.js";
import type { IncidentImpact, IncidentStatus } from "../../server/domain/types.js";

const NOW = new Date("2026-03-10T12:00:00Z");
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
const at = (iso: string): Date => new Date(iso);
type Step = [iso: string, status: IncidentStatus, impacts: Record<string, IncidentImpact>];
const incident = (incidentId: string, ...steps: Step[]): ImpactHistory[number] => ({
  incidentId,
  updates: steps.map(([iso, status, impacts]) => ({
    publishedAt: at(iso),
    status,
    impacts: Object.entries(impacts).map(([componentId, impact]) => ({ componentId, impact })),
  })),
});
const uptime = (history: ImpactHistory, extra: Partial<Parameters<typeof computeUptime>[0]> = {}) =>
  computeUptime({ componentId: "api", since: LONG_AGO, history, now: NOW, ...extra });
const day = (result: ReturnType<typeof computeUptime>, date: string) => result.days.find((d) => d.date === date)!;

describe("computeUptime", () => {
  it("returns 90 UTC-day buckets, oldest first, ending today", () => {
    const result = uptime([]);
    expect(result.days).toHaveLength(90);
    expect(result.days[0]!.date).toBe("2025-12-11");
    expect(result.days[89]!.date).toBe("2026-03-10");
    expect(result.days.every((d) => d.uptime === 1 && d.worst === "OPERATIONAL" && d.downtimeSeconds === 0)).toBe(true);
    expect(result.percentage).toBe(1);
    expect(uptime([], { days: 7 }).days.map((d) => d.date)).toEqual([
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
    ]);
  });

  it("counts a 6-hour full outage as a quarter of that day, resolve ending it", () => {
    const result = uptime([incident("i1", ["2026-03-05T06:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2026-03-05T12:00:00Z", "RESOLVED", {}])]);
    expect(day(result, "2026-03-05")).toEqual({
      date: "2026-03-05",
      uptime: 0.75,
      worst: "FULL_OUTAGE",
      incidentIds: ["i1"],
      maintenanceIds: [],
      downtimeSeconds: 21600,
    });
    expect(day(result, "2026-03-06").uptime).toBe(1);
    expect(day(result, "2026-03-06").incidentIds).toEqual([]);
    // 89 full days plus today's 12 observed hours.
    expect(result.percentage).toBeCloseTo(1 - 21600 / (89 * 86400 + 43200), 12);
  });

  it("weighs partial outage at 30% and degraded performance at 0%", () => {
    expect(PARTIAL_OUTAGE_WEIGHT).toBe(0.3);
    const result = uptime([
      incident("p", ["2026-03-05T00:00:00Z", "IDENTIFIED", { api: "PARTIAL_OUTAGE" }], ["2026-03-05T10:00:00Z", "RESOLVED", { api: "PARTIAL_OUTAGE" }]),
      incident("d", ["2026-03-06T00:00:00Z", "IDENTIFIED", { api: "DEGRADED_PERFORMANCE" }], ["2026-03-06T20:00:00Z", "RESOLVED", {}]),
    ]);
    expect(day(result, "2026-03-05")).toMatchObject({ downtimeSeconds: 10800, uptime: 0.875, worst: "PARTIAL_OUTAGE" });
    expect(day(result, "2026-03-06")).toMatchObject({ downtimeSeconds: 0, uptime: 1, worst: "DEGRADED_PERFORMANCE", incidentIds: ["d"] });
  });

  it("counts only the worst impact when incidents overlap", () => {
    const result = uptime([
      incident("partial", ["2026-03-05T00:00:00Z", "INVESTIGATING", { api: "PARTIAL_OUTAGE" }], ["2026-03-05T10:00:00Z", "RESOLVED", {}]),
      incident("full", ["2026-03-05T04:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2026-03-05T06:00:00Z", "RESOLVED", {}]),
      incident("full-again", ["2026-03-05T05:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2026-03-05T06:00:00Z", "RESOLVED", {}]),
    ]);
    // 2h full + 8h partial at 30%; the second full outage adds nothing.
    expect(day(result, "2026-03-05")).toMatchObject({
      downtimeSeconds: 7200 + 8 * 3600 * 0.3,
      worst: "FULL_OUTAGE",
      incidentIds: ["partial", "full", "full-again"],
    });
  });

  it("follows impact changes across updates given in any order, and other components stay out", () => {
    const result = uptime([
      incident(
        "i1",
        ["2026-03-05T05:00:00Z", "RESOLVED", {}],
        ["2026-03-05T00:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE", web: "FULL_OUTAGE" }],
        ["2026-03-05T02:00:00Z", "MONITORING", { web: "FULL_OUTAGE" }], // api absent: no impact from here
      ),
      incident("web-only", ["2026-03-07T00:00:00Z", "INVESTIGATING", { web: "FULL_OUTAGE" }]),
    ]);
    expect(day(result, "2026-03-05")).toMatchObject({ downtimeSeconds: 7200, worst: "FULL_OUTAGE" });
    expect(day(result, "2026-03-07")).toMatchObject({ downtimeSeconds: 0, uptime: 1, worst: "OPERATIONAL", incidentIds: [] });
  });

  it("splits an outage across midnight and keeps an unresolved one until now (today is partial)", () => {
    const result = uptime([
      incident("night", ["2026-03-07T22:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2026-03-08T02:00:00Z", "RESOLVED", {}]),
      incident("ongoing", ["2026-03-10T09:00:00Z", "IDENTIFIED", { api: "FULL_OUTAGE" }]),
    ]);
    expect(day(result, "2026-03-07")).toMatchObject({ downtimeSeconds: 7200, incidentIds: ["night"] });
    expect(day(result, "2026-03-08")).toMatchObject({ downtimeSeconds: 7200, incidentIds: ["night"] });
    // 3h down out of the 12h observed so far today.
    expect(day(result, "2026-03-10")).toMatchObject({ downtimeSeconds: 10800, uptime: 0.75, worst: "FULL_OUTAGE", incidentIds: ["ongoing"] });
  });

  it("counts an outage that began before the window only inside the window", () => {
    const result = uptime([incident("old", ["2025-11-01T00:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2025-12-12T06:00:00Z", "RESOLVED", {}])]);
    expect(result.days[0]).toMatchObject({ date: "2025-12-11", uptime: 0, downtimeSeconds: 86400, worst: "FULL_OUTAGE" });
    expect(result.days[1]).toMatchObject({ date: "2025-12-12", uptime: 0.75, downtimeSeconds: 21600 });
  });

  it("has no data before the component was added and observes from then on", () => {
    const result = uptime(
      [
        incident("before", ["2026-03-01T00:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2026-03-08T19:00:00Z", "RESOLVED", {}]),
        incident("after", ["2026-03-08T20:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }], ["2026-03-08T21:00:00Z", "RESOLVED", {}]),
      ],
      { since: at("2026-03-08T18:00:00Z") },
    );
    expect(day(result, "2026-03-07")).toEqual({
      date: "2026-03-07",
      uptime: null,
      worst: "OPERATIONAL",
      incidentIds: [],
      maintenanceIds: [],
      downtimeSeconds: 0,
    });
    expect(result.days.slice(0, 87).every((d) => d.uptime === null)).toBe(true);
    // Observed 18:00-24:00: 1h of "before" and 1h of "after" are down out of 6h.
    expect(day(result, "2026-03-08")).toMatchObject({ downtimeSeconds: 7200, incidentIds: ["before", "after"] });
    expect(day(result, "2026-03-08").uptime).toBeCloseTo(1 - 7200 / 21600, 12);
    expect(result.percentage).toBeCloseTo(1 - 7200 / (6 * 3600 + 86400 + 43200), 12);
  });

  it("shows maintenance in the worst of the day without counting it as downtime", () => {
    const result = uptime(
      [incident("slow", ["2026-03-06T10:00:00Z", "INVESTIGATING", { api: "DEGRADED_PERFORMANCE" }], ["2026-03-06T11:00:00Z", "RESOLVED", {}])],
      {
        maintenanceWindows: [
          { maintenanceId: "m1", componentId: "api", start: at("2026-03-05T22:00:00Z"), end: at("2026-03-06T02:00:00Z") },
          { maintenanceId: "m2", componentId: "web", start: at("2026-03-04T00:00:00Z"), end: at("2026-03-04T06:00:00Z") },
          { maintenanceId: "m3", componentId: "api", start: at("2026-03-10T11:00:00Z"), end: at("2026-03-10T14:00:00Z") },
        ],
      },
    );
    expect(day(result, "2026-03-05")).toMatchObject({ worst: "UNDER_MAINTENANCE", maintenanceIds: ["m1"], uptime: 1, downtimeSeconds: 0 });
    expect(day(result, "2026-03-06")).toMatchObject({ worst: "DEGRADED_PERFORMANCE", maintenanceIds: ["m1"], incidentIds: ["slow"] });
    expect(day(result, "2026-03-04")).toMatchObject({ worst: "OPERATIONAL", maintenanceIds: [] });
    expect(day(result, "2026-03-10")).toMatchObject({ worst: "UNDER_MAINTENANCE", maintenanceIds: ["m3"], uptime: 1 });
    expect(result.percentage).toBe(1);
  });

  it("reflects an incident published at this very instant, and ignores future updates", () => {
    const result = uptime([
      incident("now", ["2026-03-10T12:00:00Z", "INVESTIGATING", { api: "PARTIAL_OUTAGE" }]),
      incident("future", ["2026-03-10T13:00:00Z", "INVESTIGATING", { api: "FULL_OUTAGE" }]),
    ]);
    expect(day(result, "2026-03-10")).toMatchObject({ worst: "PARTIAL_OUTAGE", incidentIds: ["now"], downtimeSeconds: 0, uptime: 1 });
  });

  it("has no data for today at exactly midnight and rejects a non-positive window", () => {
    const result = uptime([], { now: at("2026-03-10T00:00:00Z"), days: 2 });
    expect(result.days.map((d) => [d.date, d.uptime])).toEqual([
      ["2026-03-09", 1],
      ["2026-03-10", null],
    ]);
    expect(() => uptime([], { days: 0 })).toThrow(RangeError);
  });

  it("agrees with minute-by-minute sampling on a random history", () => {
    let seed = 42;
    // mulberry32: a seeded generator keeps the history identical on every run.
    const rand = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    const impacts: IncidentImpact[] = ["NO_IMPACT", "DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "FULL_OUTAGE"];
    const now = at("2026-03-10T12:00:00Z").getTime();
    const history: ImpactHistory = Array.from({ length: 25 }, (_, i) => {
      let t = now - (10 + rand(14 * 1440)) * 60_000;
      const length = 1 + rand(4);
      return {
        incidentId: `i${i}`,
        updates: Array.from({ length }, (_, k) => {
          t += rand(600) * 60_000;
          const status: IncidentStatus = k === length - 1 && rand(3) > 0 ? "RESOLVED" : "INVESTIGATING";
          return { publishedAt: new Date(t), status, impacts: rand(5) ? [{ componentId: "api", impact: impacts[rand(4)]! }] : [] };
        }),
      };
    });
    const weightAt = (t: number): number => {
      let w = 0;
      for (const { updates } of history) {
        const latest = updates.filter((u) => u.publishedAt.getTime() <= t).sort((a, b) => +b.publishedAt - +a.publishedAt)[0];
        if (!latest || latest.status === "RESOLVED") continue;
        const impact = latest.impacts[0]?.impact;
        w = Math.max(w, impact === "FULL_OUTAGE" ? 1 : impact === "PARTIAL_OUTAGE" ? 0.3 : 0);
      }
      return w;
    };
    const result = uptime(history, { days: 15 });
    for (const d of result.days) {
      const start = Date.parse(`${d.date}T00:00:00Z`);
      let down = 0;
      for (let t = start; t < Math.min(start + 86_400_000, now); t += 60_000) down += weightAt(t) * 60;
      expect(d.downtimeSeconds).toBeCloseTo(down, 3);
    }
    // Guard against a degenerate history that would make the comparison vacuous.
    expect(result.days.filter((d) => d.downtimeSeconds > 0).length).toBeGreaterThan(3);
    expect(result.days.some((d) => d.worst === "FULL_OUTAGE")).toBe(true);
  });
});
