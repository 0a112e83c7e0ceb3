import { describe, expect, it } from "vitest";
import { inProgressPeriod, type MaintenanceRecord } from "../../server/domain/maintenance-window.js";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-03-10T12:00:00Z");
const base: MaintenanceRecord = { status: "COMPLETE", startsAt: at("2026-03-07T01:00:00Z"), endsAt: at("2026-03-07T03:00:00Z"), updates: [] };

describe("inProgressPeriod", () => {
  it("runs from the move to IN_PROGRESS to the move to COMPLETE", () => {
    const m = {
      ...base,
      updates: [
        { status: "COMPLETE" as const, publishedAt: at("2026-03-07T03:30:00Z") },
        { status: "IN_PROGRESS" as const, publishedAt: at("2026-03-07T01:05:00Z") },
      ],
    };
    expect(inProgressPeriod(m, NOW)).toEqual({ start: at("2026-03-07T01:05:00Z"), end: at("2026-03-07T03:30:00Z") });
  });

  it("falls back to the impact window when the moves left no update", () => {
    expect(inProgressPeriod(base, NOW)).toEqual({ start: base.startsAt, end: base.endsAt });
  });

  it("keeps one never marked as in progress within its window, however late it was completed", () => {
    const late = {
      ...base,
      updates: [
        { status: "SCHEDULED" as const, publishedAt: at("2026-03-09T00:00:00Z") },
        { status: "COMPLETE" as const, publishedAt: at("2026-03-09T00:00:00Z") },
      ],
    };
    expect(inProgressPeriod(late, NOW)).toEqual({ start: base.startsAt, end: base.endsAt });
    const early = { ...base, updates: [{ status: "COMPLETE" as const, publishedAt: at("2026-03-07T02:00:00Z") }] };
    expect(inProgressPeriod(early, NOW)).toEqual({ start: base.startsAt, end: at("2026-03-07T02:00:00Z") });
  });

  it("is open until now while in progress", () => {
    expect(inProgressPeriod({ ...base, status: "IN_PROGRESS", startsAt: at("2026-03-10T11:00:00Z"), endsAt: at("2026-03-10T13:00:00Z") }, NOW)).toEqual({
      start: at("2026-03-10T11:00:00Z"),
      end: NOW,
    });
  });

  it("is null while scheduled, and for maintenance completed before it began", () => {
    expect(inProgressPeriod({ ...base, status: "SCHEDULED" }, NOW)).toBeNull();
    expect(inProgressPeriod({ ...base, updates: [{ status: "COMPLETE", publishedAt: at("2026-03-06T00:00:00Z") }] }, NOW)).toBeNull();
  });
});
