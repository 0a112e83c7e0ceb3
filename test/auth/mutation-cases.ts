// Every mutation, with what it needs and a fresh target for each run, so a run
// that is allowed cannot disturb the next. `invalid` is input the mutation's
// validation refuses, for proving refusal comes first.
import { publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { createEntry, createType } from "../helpers/pages.js";
import type { World } from "./world.js";

export interface MutationCase {
  name: string;
  /** The scope it needs; null for those open to everyone. */
  needs: "publish" | "admin" | null;
  /** Arguments as GraphQL variable definitions and the call's argument list. */
  args: [string, string];
  success: string;
  valid: (w: World) => Promise<Record<string, unknown>>;
  invalid?: (w: World) => Promise<Record<string, unknown>>;
}

let n = 0;
const next = () => ++n;
const INPUT = (type: string): [string, string] => [`$input: ${type}!`, "input: $input"];
const ID: [string, string] = ["$id: ID!", "id: $id"];
const WINDOW = { startsAt: "2030-05-01T10:00:00Z", endsAt: "2030-05-01T11:00:00Z" };

const newType = async (w: World, ranked = false) => (await createType(w.t, { name: `Type ${next()}`, ranked })).id;
const newEntry = async (w: World, typeId = w.ids.componentsType!) => (await createEntry(w.t, { typeId, name: `Entry ${next()}` })).id;
const newPage = async (w: World) => {
  const { createStatusPage } = await w.t.ok<{ createStatusPage: { id: string } }>(
    `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { ... on StatusPage { id } } }`,
    { input: { title: `Page ${next()}` } },
  );
  return createStatusPage.id;
};
const newIncident = (w: World) => publishIncident(w.t, w.ids.publicPage!, [], { name: `Incident ${next()}` });
const newMaintenance = (w: World) => scheduleMaintenance(w.t, w.ids.publicPage!, WINDOW, [], { name: `Window ${next()}` });

export const MUTATIONS: MutationCase[] = [
  {
    name: "createCatalogType",
    needs: "admin",
    args: INPUT("CreateCatalogTypeInput"),
    success: "CatalogType",
    valid: async () => ({ input: { name: `Type ${next()}` } }),
    invalid: async () => ({ input: { name: " " } }),
  },
  {
    name: "updateCatalogType",
    needs: "admin",
    args: INPUT("UpdateCatalogTypeInput"),
    success: "CatalogType",
    valid: async (w) => ({ input: { id: await newType(w), description: "Changed" } }),
    invalid: async (w) => ({ input: { id: await newType(w), name: "x".repeat(500) } }),
  },
  { name: "deleteCatalogType", needs: "admin", args: ID, success: "CatalogType", valid: async (w) => ({ id: await newType(w) }) },
  {
    name: "createCatalogEntry",
    needs: "admin",
    args: INPUT("CreateCatalogEntryInput"),
    success: "CatalogEntry",
    valid: async (w) => ({ input: { typeId: w.ids.componentsType, name: `Entry ${next()}` } }),
    invalid: async (w) => ({ input: { typeId: w.ids.componentsType, name: "" } }),
  },
  {
    name: "updateCatalogEntry",
    needs: "admin",
    args: INPUT("UpdateCatalogEntryInput"),
    success: "CatalogEntry",
    valid: async (w) => ({ input: { id: await newEntry(w), name: `Renamed ${next()}` } }),
  },
  {
    name: "rankCatalogEntries",
    needs: "admin",
    args: ["$typeId: ID!, $entryIds: [ID!]!", "typeId: $typeId, entryIds: $entryIds"],
    success: "MutationRankCatalogEntriesSuccess",
    valid: async (w) => {
      const typeId = await newType(w, true);
      const first = await newEntry(w, typeId);
      return { typeId, entryIds: [await newEntry(w, typeId), first] };
    },
  },
  { name: "deleteCatalogEntry", needs: "admin", args: ID, success: "CatalogEntry", valid: async (w) => ({ id: await newEntry(w) }) },
  {
    name: "createStatusPage",
    needs: "admin",
    args: INPUT("CreateStatusPageInput"),
    success: "StatusPage",
    valid: async () => ({ input: { title: `Page ${next()}` } }),
    invalid: async () => ({ input: { title: "Bad", slug: "Not a slug!" } }),
  },
  {
    name: "updateStatusPage",
    needs: "admin",
    args: INPUT("UpdateStatusPageInput"),
    success: "StatusPage",
    valid: async (w) => ({ input: { id: await newPage(w), theme: "DARK" } }),
    invalid: async (w) => ({ input: { id: await newPage(w), logoUrl: "not a url" } }),
  },
  { name: "deleteStatusPage", needs: "admin", args: ID, success: "StatusPage", valid: async (w) => ({ id: await newPage(w) }) },
  // Renaming to the current name keeps the world as the other tests expect it.
  {
    name: "updateSubPage",
    needs: "admin",
    args: INPUT("UpdateSubPageInput"),
    success: "SubPage",
    valid: async (w) => ({ input: { id: w.ids.subA, name: "Acorn Corp" } }),
    invalid: async (w) => ({ input: { id: w.ids.subA, slug: "BAD SLUG" } }),
  },
  {
    name: "createApiKey",
    needs: "admin",
    args: INPUT("CreateApiKeyInput"),
    success: "CreatedApiKey",
    valid: async () => ({ input: { name: `key ${next()}`, scope: "VIEWER" } }),
    invalid: async () => ({ input: { name: "", scope: "ADMIN" } }),
  },
  {
    name: "revokeApiKey",
    needs: "admin",
    args: ID,
    success: "ApiKey",
    valid: async (w) => {
      const { createApiKey } = await w.t.ok<{ createApiKey: { key: { id: string } } }>(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreatedApiKey { key { id } } } }`,
        { input: { name: `key ${next()}`, scope: "VIEWER" } },
      );
      return { id: createApiKey.key.id };
    },
  },
  {
    name: "publishIncident",
    needs: "publish",
    args: INPUT("PublishIncidentInput"),
    success: "IncidentPublication",
    valid: async (w) => ({ input: { pageId: w.ids.publicPage, name: `Incident ${next()}`, status: "INVESTIGATING", message: "Looking." } }),
    invalid: async (w) => ({ input: { pageId: w.ids.publicPage, name: "", status: "INVESTIGATING", message: "" } }),
  },
  {
    name: "publishIncidentUpdate",
    needs: "publish",
    args: INPUT("PublishIncidentUpdateInput"),
    success: "IncidentPublication",
    valid: async (w) => ({ input: { incidentId: await newIncident(w), status: "MONITORING", message: "Fixed, watching." } }),
    invalid: async (w) => ({ input: { incidentId: await newIncident(w), status: "MONITORING", message: "  " } }),
  },
  { name: "deleteIncident", needs: "publish", args: ID, success: "Incident", valid: async (w) => ({ id: await newIncident(w) }) },
  {
    name: "scheduleMaintenance",
    needs: "publish",
    args: INPUT("ScheduleMaintenanceInput"),
    success: "MaintenancePublication",
    valid: async (w) => ({ input: { pageId: w.ids.publicPage, name: `Window ${next()}`, message: "Upgrade.", ...WINDOW } }),
    invalid: async (w) => ({ input: { pageId: w.ids.publicPage, name: "", message: "Upgrade.", ...WINDOW } }),
  },
  {
    name: "publishMaintenanceUpdate",
    needs: "publish",
    args: INPUT("PublishMaintenanceUpdateInput"),
    success: "MaintenancePublication",
    valid: async (w) => ({ input: { maintenanceId: await newMaintenance(w), status: "IN_PROGRESS", message: "Started." } }),
    invalid: async (w) => ({ input: { maintenanceId: await newMaintenance(w), status: "IN_PROGRESS", message: "" } }),
  },
  { name: "deleteMaintenance", needs: "publish", args: ID, success: "Maintenance", valid: async (w) => ({ id: await newMaintenance(w) }) },
  {
    name: "requestSignIn",
    needs: null,
    args: ["$pageSlug: String!, $email: String!", "pageSlug: $pageSlug, email: $email"],
    success: "SignInRequested",
    valid: async () => ({ pageSlug: "customers", email: `someone${next()}@acorn.example` }),
  },
];
