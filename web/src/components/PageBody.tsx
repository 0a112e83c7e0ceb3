// Everything a page or sub-page shows below its header, from already-loaded data.
import type { ReactNode } from "react";
import { viewerTimeZone } from "../format.js";
import type { PageBodyData } from "../types.js";
import { Banner } from "./Banner.js";
import { ComponentList } from "./ComponentList.js";
import { IncidentCard } from "./IncidentCard.js";
import type { Maintenance } from "./MaintenanceCard.graphql.js";
import { MaintenanceCard } from "./MaintenanceCard.js";

function MaintenanceSection({ id, title, items }: { id: string; title: string; items: Maintenance[] }) {
  if (items.length === 0) return null;
  return (
    <section className="maintenances" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="zone-note">Times are in your time zone, {viewerTimeZone()}.</p>
      {items.map((m) => (
        <MaintenanceCard key={m.id} maintenance={m} />
      ))}
    </section>
  );
}

export function PageBody({ data, history }: { data: PageBodyData; history?: ReactNode }) {
  return (
    <>
      <Banner summary={data.summary} />
      {data.incidents.length > 0 && (
        <section className="incidents" aria-labelledby="ongoing-heading">
          <h2 id="ongoing-heading">Ongoing incidents</h2>
          {data.incidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} />
          ))}
        </section>
      )}
      <MaintenanceSection id="in-progress-heading" title="Maintenance in progress" items={data.inProgress} />
      <ComponentList groups={data.groups} />
      <MaintenanceSection id="upcoming-heading" title="Upcoming maintenance" items={data.upcoming} />
      {history}
    </>
  );
}
