// The audit log screen's URL and entry wording, as plain functions: a view survives the
// round trip through the query string, unknown parameters are dropped, and an entry's
// before/after reads as the fields it changed.
import { expect, it } from "vitest";
import { actorLabel, fieldChanges, humanize, targetLabel } from "../../web/console/admin/audit-entry.js";
import { auditViewPath, isFiltered, parseAuditView } from "../../web/console/admin/audit-view.js";

it("writes a view into the query string and reads the same view back", () => {
  const view = { filter: { actorId: "op_1", objectType: "Incident" as const, from: "2030-06-01T08:30:00.000Z", to: "2030-06-01T09:30:00.000Z" }, size: 10 };
  const path = auditViewPath(view);
  expect(path).toBe("/console/admin/audit-log?actorId=op_1&objectType=Incident&from=2030-06-01T08%3A30%3A00.000Z&to=2030-06-01T09%3A30%3A00.000Z&size=10");
  expect(parseAuditView(new URL(path, "http://x").search)).toEqual(view);
  expect(auditViewPath({ filter: {}, size: 25 })).toBe("/console/admin/audit-log");
});

it("drops parameters the API would refuse as a type rather than a value", () => {
  const view = parseAuditView("?objectType=Nothing&size=7&actorKind=&colour=red");
  expect(view).toEqual({ filter: {}, size: 25 });
  expect(isFiltered(view)).toBe(false);
  expect(isFiltered(parseAuditView("?objectId=x"))).toBe(true);
});

it("names what changed: the fields whose values differ, the actor and the target", () => {
  const entry = {
    objectType: "Operator",
    objectId: "op_2",
    before: JSON.stringify({ name: "Vic Viewer", role: "VIEWER", version: 1 }),
    after: JSON.stringify({ name: "Vic Viewer", role: "EDITOR", version: 2 }),
  };
  expect(fieldChanges(entry)).toEqual([
    { field: "role", before: "VIEWER", after: "EDITOR" },
    { field: "version", before: 1, after: 2 },
  ]);
  expect(targetLabel(entry)).toBe('Operator "Vic Viewer"');
  expect(targetLabel({ ...entry, before: null, after: null })).toBe("Operator op_2");
  expect(humanize("createApiKey")).toBe("Create API key");
  expect(actorLabel({ actorKind: "operator", actorName: "deploy-bot" })).toBe("deploy-bot (API key)");
  expect(actorLabel({ actorKind: "system", actorName: null })).toBe("System");
});
