// Every mutation, with what it needs and a fresh target for each run, so a run
// that is allowed cannot disturb the next. `invalid` is input the mutation's
// validation refuses, for proving refusal comes first.
import { publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { PNG, SVG, upload } from "../helpers/images.js";
import { createEntry, createType } from "../helpers/pages.js";
import type { World } from "./world.js";

export interface MutationCase {
  name: string;
  /** The role it needs (a person's, or a key's scope); null for those open to everyone. */
  needs: "PUBLISHER" | "EDITOR" | "ADMIN" | null;
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
const newOperator = async (w: World, role = "VIEWER") => {
  const { createOperator } = await w.t.ok<{ createOperator: { id: string } }>(
    `mutation ($input: OperatorInput!) { createOperator(input: $input) { ... on Operator { id } } }`,
    { input: { email: `op${next()}@ops.example`, name: `Operator ${next()}`, role } },
  );
  return createOperator.id;
};
const HOOK = "https://hooks.example.com/statusgraph";
const newEndpoint = async (w: World) => {
  const { createWebhookEndpoint } = await w.t.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ... on WebhookEndpointWithSecret { endpoint { id } } } }`,
    { input: { pageId: w.ids.publicPage, url: HOOK, kind: "JSON", enabled: false } },
  );
  return createWebhookEndpoint.endpoint.id;
};
const newMaintenance = (w: World) => scheduleMaintenance(w.t, w.ids.publicPage!, WINDOW, [], { name: `Window ${next()}` });

export const MUTATIONS: MutationCase[] = [
  {
    name: "createCatalogType",
    needs: "EDITOR",
    args: INPUT("CreateCatalogTypeInput"),
    success: "CatalogType",
    valid: async () => ({ input: { name: `Type ${next()}` } }),
    invalid: async () => ({ input: { name: " " } }),
  },
  {
    name: "updateCatalogType",
    needs: "EDITOR",
    args: INPUT("UpdateCatalogTypeInput"),
    success: "CatalogType",
    valid: async (w) => ({ input: { id: await newType(w), description: "Changed" } }),
    invalid: async (w) => ({ input: { id: await newType(w), name: "x".repeat(500) } }),
  },
  { name: "deleteCatalogType", needs: "EDITOR", args: ID, success: "CatalogType", valid: async (w) => ({ id: await newType(w) }) },
  {
    name: "createCatalogEntry",
    needs: "EDITOR",
    args: INPUT("CreateCatalogEntryInput"),
    success: "CatalogEntry",
    valid: async (w) => ({ input: { typeId: w.ids.componentsType, name: `Entry ${next()}` } }),
    invalid: async (w) => ({ input: { typeId: w.ids.componentsType, name: "" } }),
  },
  {
    name: "updateCatalogEntry",
    needs: "EDITOR",
    args: INPUT("UpdateCatalogEntryInput"),
    success: "CatalogEntry",
    valid: async (w) => ({ input: { id: await newEntry(w), name: `Renamed ${next()}` } }),
  },
  {
    name: "rankCatalogEntries",
    needs: "EDITOR",
    args: ["$typeId: ID!, $entryIds: [ID!]!", "typeId: $typeId, entryIds: $entryIds"],
    success: "MutationRankCatalogEntriesSuccess",
    valid: async (w) => {
      const typeId = await newType(w, true);
      const first = await newEntry(w, typeId);
      return { typeId, entryIds: [await newEntry(w, typeId), first] };
    },
  },
  { name: "deleteCatalogEntry", needs: "EDITOR", args: ID, success: "CatalogEntry", valid: async (w) => ({ id: await newEntry(w) }) },
  {
    name: "createStatusPage",
    needs: "EDITOR",
    args: INPUT("CreateStatusPageInput"),
    success: "StatusPage",
    valid: async () => ({ input: { title: `Page ${next()}` } }),
    invalid: async () => ({ input: { title: "Bad", slug: "Not a slug!" } }),
  },
  {
    name: "updateStatusPage",
    needs: "EDITOR",
    args: INPUT("UpdateStatusPageInput"),
    success: "StatusPage",
    valid: async (w) => ({ input: { id: await newPage(w), theme: "DARK" } }),
    invalid: async (w) => ({ input: { id: await newPage(w), logoUrl: "not a url" } }),
  },
  {
    name: "uploadPageAsset",
    needs: "EDITOR",
    args: ["$pageId: ID!, $kind: PageAssetKind!, $file: File!", "pageId: $pageId, kind: $kind, file: $file"],
    success: "StatusPage",
    valid: async (w) => ({ pageId: await newPage(w), kind: "LOGO", file: upload(PNG) }),
    invalid: async (w) => ({ pageId: await newPage(w), kind: "LOGO", file: upload(SVG, "logo.svg", "image/svg+xml") }),
  },
  { name: "deleteStatusPage", needs: "EDITOR", args: ID, success: "StatusPage", valid: async (w) => ({ id: await newPage(w) }) },
  // Renaming to the current name keeps the world as the other tests expect it.
  {
    name: "updateSubPage",
    needs: "EDITOR",
    args: INPUT("UpdateSubPageInput"),
    success: "SubPage",
    valid: async (w) => ({ input: { id: w.ids.subA, name: "Acorn Corp" } }),
    invalid: async (w) => ({ input: { id: w.ids.subA, slug: "BAD SLUG" } }),
  },
  {
    name: "createWebhookEndpoint",
    needs: "EDITOR",
    args: INPUT("CreateWebhookEndpointInput"),
    success: "WebhookEndpointWithSecret",
    // Disabled: the access tests publish on this page, and nothing is to be delivered.
    valid: async (w) => ({ input: { pageId: w.ids.publicPage, url: HOOK, kind: "JSON", enabled: false } }),
    invalid: async (w) => ({ input: { pageId: w.ids.publicPage, url: "http://user:pw@hooks.example.com/", kind: "JSON", enabled: false } }),
  },
  {
    name: "updateWebhookEndpoint",
    needs: "EDITOR",
    args: INPUT("UpdateWebhookEndpointInput"),
    success: "WebhookEndpoint",
    valid: async (w) => ({ input: { id: await newEndpoint(w), description: `Changed ${next()}` } }),
    invalid: async (w) => ({ input: { id: await newEndpoint(w), url: "not a url" } }),
  },
  { name: "rotateWebhookSecret", needs: "EDITOR", args: ID, success: "WebhookEndpointWithSecret", valid: async (w) => ({ id: await newEndpoint(w) }) },
  { name: "deleteWebhookEndpoint", needs: "EDITOR", args: ID, success: "WebhookEndpoint", valid: async (w) => ({ id: await newEndpoint(w) }) },
  {
    name: "createApiKey",
    needs: "ADMIN",
    args: INPUT("CreateApiKeyInput"),
    success: "CreatedApiKey",
    valid: async () => ({ input: { name: `key ${next()}`, scope: "VIEWER" } }),
    invalid: async () => ({ input: { name: "", scope: "ADMIN" } }),
  },
  {
    name: "revokeApiKey",
    needs: "ADMIN",
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
    needs: "PUBLISHER",
    args: INPUT("PublishIncidentInput"),
    success: "IncidentPublication",
    valid: async (w) => ({ input: { pageId: w.ids.publicPage, name: `Incident ${next()}`, status: "INVESTIGATING", message: "Looking." } }),
    invalid: async (w) => ({ input: { pageId: w.ids.publicPage, name: "", status: "INVESTIGATING", message: "" } }),
  },
  {
    name: "publishIncidentUpdate",
    needs: "PUBLISHER",
    args: INPUT("PublishIncidentUpdateInput"),
    success: "IncidentPublication",
    valid: async (w) => ({ input: { incidentId: await newIncident(w), status: "MONITORING", message: "Fixed, watching." } }),
    invalid: async (w) => ({ input: { incidentId: await newIncident(w), status: "MONITORING", message: "  " } }),
  },
  { name: "deleteIncident", needs: "PUBLISHER", args: ID, success: "Incident", valid: async (w) => ({ id: await newIncident(w) }) },
  {
    name: "scheduleMaintenance",
    needs: "PUBLISHER",
    args: INPUT("ScheduleMaintenanceInput"),
    success: "MaintenancePublication",
    valid: async (w) => ({ input: { pageId: w.ids.publicPage, name: `Window ${next()}`, message: "Upgrade.", ...WINDOW } }),
    invalid: async (w) => ({ input: { pageId: w.ids.publicPage, name: "", message: "Upgrade.", ...WINDOW } }),
  },
  {
    name: "publishMaintenanceUpdate",
    needs: "PUBLISHER",
    args: INPUT("PublishMaintenanceUpdateInput"),
    success: "MaintenancePublication",
    valid: async (w) => ({ input: { maintenanceId: await newMaintenance(w), status: "IN_PROGRESS", message: "Started." } }),
    invalid: async (w) => ({ input: { maintenanceId: await newMaintenance(w), status: "IN_PROGRESS", message: "" } }),
  },
  { name: "deleteMaintenance", needs: "PUBLISHER", args: ID, success: "Maintenance", valid: async (w) => ({ id: await newMaintenance(w) }) },
  {
    name: "createOperator",
    needs: "ADMIN",
    args: INPUT("OperatorInput"),
    success: "Operator",
    valid: async () => ({ input: { email: `new${next()}@ops.example`, name: "New operator", role: "PUBLISHER" } }),
    invalid: async () => ({ input: { email: "not an address", name: "New operator", role: "PUBLISHER" } }),
  },
  {
    name: "inviteOperator",
    needs: "ADMIN",
    args: INPUT("OperatorInput"),
    success: "Operator",
    valid: async () => ({ input: { email: `invited${next()}@ops.example`, name: "Invited operator", role: "VIEWER" } }),
    invalid: async () => ({ input: { email: `invited${next()}@ops.example`, name: " ", role: "VIEWER" } }),
  },
  {
    name: "setOperatorRole",
    needs: "ADMIN",
    args: ["$id: ID!, $role: Role!", "id: $id, role: $role"],
    success: "Operator",
    valid: async (w) => ({ id: await newOperator(w), role: "EDITOR" }),
  },
  { name: "disableOperator", needs: "ADMIN", args: ID, success: "Operator", valid: async (w) => ({ id: await newOperator(w) }) },
  {
    name: "enableOperator",
    needs: "ADMIN",
    args: ID,
    success: "Operator",
    valid: async (w) => {
      const id = await newOperator(w);
      await w.t.ok(`mutation ($id: ID!) { disableOperator(id: $id) { __typename } }`, { id });
      return { id };
    },
  },
  {
    name: "requestOperatorSignIn",
    needs: null,
    args: ["$email: String!", "email: $email"],
    success: "OperatorSignInRequested",
    valid: async () => ({ email: `someone${next()}@ops.example` }),
  },
  {
    name: "requestSignIn",
    needs: null,
    args: ["$pageSlug: String!, $email: String!", "pageSlug: $pageSlug, email: $email"],
    success: "SignInRequested",
    valid: async () => ({ pageSlug: "customers", email: `someone${next()}@acorn.example` }),
  },
];
