// The screen for each route in routes.ts. A new screen adds its entry there and here.
import type { ReactElement } from "react";
import { ApiKeys } from "./admin/ApiKeys.js";
import { AuditLog } from "./admin/AuditLog.js";
import { Operators } from "./admin/Operators.js";
import { MaintenanceDetail } from "./maintenance/MaintenanceDetail.js";
import { MaintenanceList } from "./maintenance/MaintenanceList.js";
import { ScheduleMaintenance } from "./maintenance/ScheduleMaintenance.js";
import { IncidentPage } from "./incidents/IncidentPage.js";
import { NewIncident } from "./incidents/NewIncident.js";
import { PageIncidents } from "./incidents/PageIncidents.js";
import { CatalogTypePage } from "./catalog/CatalogTypePage.js";
import { CatalogTypes } from "./catalog/CatalogTypes.js";
import { PageList } from "./pages/PageList.js";
import { PageOverview } from "./pages/PageOverview.js";
import { PageSettings } from "./settings/PageSettings.js";
import { NewStatusPage } from "./setup/NewStatusPage.js";
import { PageWebhooks } from "./webhooks/PageWebhooks.js";
import type { ConsoleRoute, ConsoleRouteName } from "./routes.js";
import { ConsoleNotFound } from "./ui/NotFound.js";

type Params = ConsoleRoute["params"];

export const SCREENS: Record<ConsoleRouteName, (params: Params) => ReactElement> = {
  pages: () => <PageList />,
  newStatusPage: (p) => <NewStatusPage key={p.kind} kind={p.kind!} />,
  pageOverview: (p) => <PageOverview key={p.id} id={p.id!} />,
  pageSettings: (p) => <PageSettings key={p.id} id={p.id!} />,
  maintenance: (p) => <MaintenanceList key={p.id} id={p.id!} />,
  scheduleMaintenance: (p) => <ScheduleMaintenance key={p.id} id={p.id!} />,
  maintenanceDetail: (p) => <MaintenanceDetail key={p.maintenanceId} pageId={p.id!} maintenanceId={p.maintenanceId!} />,
  pageIncidents: (p) => <PageIncidents pageId={p.pageId!} />,
  newIncident: (p) => <NewIncident pageId={p.pageId!} />,
  incident: (p) => <IncidentPage pageId={p.pageId!} incidentId={p.incidentId!} />,
  pageWebhooks: (p) => <PageWebhooks key={p.id} id={p.id!} />,
  catalog: () => <CatalogTypes />,
  catalogType: (p) => <CatalogTypePage key={p.typeId} id={p.typeId!} />,
  adminAuditLog: () => <AuditLog />,
  admin: () => <Operators />,
  adminOperators: () => <Operators />,
  adminApiKeys: () => <ApiKeys />,
  notFound: () => <ConsoleNotFound />,
};
