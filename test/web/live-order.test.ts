// A live summary that arrives late never steps an incident back in the web client.
import { describe, expect, it } from "vitest";
import { newerOf, type LiveStatus } from "../../web/src/live.js";

const summary = (sequence: number, status: "IDENTIFIED" | "MONITORING", message: string): LiveStatus => ({
  status: "PARTIAL_OUTAGE",
  sentence: "Partial outage",
  components: [],
  incidents: [
    {
      id: "i1",
      name: "API errors",
      status,
      sequence,
      messageHtml: message,
      publishedAt: "2026-03-10T09:00:00Z",
      updatedAt: "2026-03-10T10:00:00Z",
      impacts: [],
    },
  ],
  maintenances: [],
});

describe("newerOf", () => {
  it("takes a newer state of an incident", () => {
    const next = summary(3, "MONITORING", "Watching");
    expect(newerOf(summary(2, "IDENTIFIED", "Found it"), next)).toBe(next);
  });

  it("keeps the shown state when an older one arrives", () => {
    const shown = summary(3, "MONITORING", "Watching");
    const late = summary(2, "IDENTIFIED", "Found it");
    expect(newerOf(shown, late).incidents).toEqual(shown.incidents);
  });

  it("takes the first summary as it is", () => {
    const first = summary(1, "IDENTIFIED", "Found it");
    expect(newerOf(null, first)).toBe(first);
  });
});
