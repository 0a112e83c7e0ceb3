// The screen for each route in routes.ts. A new screen adds its entry there and here.
import type { ReactElement } from "react";
import { IncidentPage } from "./incidents/IncidentPage.js";
import { NewIncident } from "./incidents/NewIncident.js";
import { PageIncidents } from "./incidents/PageIncidents.js";
import { PageList } from "./pages/PageList.js";
import type { ConsoleRoute, ConsoleRouteName } from "./routes.js";
import { ConsoleNotFound } from "./ui/NotFound.js";

type Params = ConsoleRoute["params"];

export const SCREENS: Record<ConsoleRouteName, (params: Params) => ReactElement> = {
  pages: () => <PageList />,
  pageIncidents: (p) => <PageIncidents pageId={p.pageId!} />,
  newIncident: (p) => <NewIncident pageId={p.pageId!} />,
  incident: (p) => <IncidentPage pageId={p.pageId!} incidentId={p.incidentId!} />,
  notFound: () => <ConsoleNotFound />,
};
