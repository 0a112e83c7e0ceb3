// /console/pages/:pageId/incidents/:incidentId — an incident's timeline; the
// status bar (saying the current status) opens the update form; `...` deletes it.
import { useState } from "react";
import { useQuery } from "urql";
import { IncidentCard } from "../../src/components/IncidentCard.js";
import { formatDateTime } from "../../src/format.js";
import { Link, navigate } from "../../src/router.js";
import { INCIDENT_STATUS } from "../../src/status.js";
import { usePageEventsReload } from "../ui/use-page-events.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { RequireRole, type Role } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { IncidentActions } from "./DeleteIncident.js";
import { ConsoleIncidentQuery } from "./incident-query.js";
import { UpdateIncident } from "./UpdateIncident.js";

/** Publishing, updating and deleting incidents needs this role. */
const PUBLISHER: Role = "PUBLISHER";

/** The incident page; updating and deleting for publishers and above. */
export function IncidentPage({ pageId, incidentId }: { pageId: string; incidentId: string }) {
  const [result, refetch] = useQuery({ query: ConsoleIncidentQuery, variables: { id: incidentId } });
  const [updating, setUpdating] = useState(false);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const incident = result.data?.incident;
  // Another operator's publish, update or delete on this page reloads the timeline;
  // not while an update is being written (a stale publish is then refused with what changed).
  usePageEventsReload(updating ? undefined : incident?.page.slug, reload);

  if (result.data && !incident) return <ConsoleNotFound what="This incident" />;
  if (!incident) {
    return (
      <ConsoleLayout title="Incident" section="pages">
        {result.error ? <LoadFailed error={result.error} retry={reload} /> : <Loading />}
      </ConsoleLayout>
    );
  }
  const resolved = incident.status === "RESOLVED";
  const backToPage = consolePath("pages", pageId, "incidents");
  const actions = (
    <>
      <RequireRole role={PUBLISHER} fallback={<span className={`pill incident-${incident.status.toLowerCase()}`}>{INCIDENT_STATUS[incident.status]}</span>}>
        <button
          type="button"
          className={`status-bar pill incident-${incident.status.toLowerCase()}`}
          aria-expanded={updating}
          disabled={resolved}
          title={resolved ? "A resolved incident takes no more updates" : "Publish an update"}
          onClick={() => setUpdating(true)}
        >
          {INCIDENT_STATUS[incident.status]}
        </button>
        <IncidentActions incident={incident} onDeleted={() => navigate(backToPage)} onReload={reload} />
      </RequireRole>
    </>
  );
  return (
    <ConsoleLayout title={incident.name} section="pages" actions={actions}>
      <p>
        <Link href={backToPage}>← {incident.page.title}</Link>
      </p>
      <p className="muted">
        Published {formatDateTime(incident.publishedAt)}
        {incident.publishedBy && ` by ${incident.publishedBy}`} · version {incident.version}, last changed {formatDateTime(incident.updatedAt)}
        {incident.updatedBy && ` by ${incident.updatedBy}`}
      </p>
      {result.error && <LoadFailed error={result.error} retry={reload} />}
      {updating && !resolved && (
        <UpdateIncident
          // Reloaded at a newer version: a fresh form made from it.
          key={incident.version}
          incident={incident}
          onCancel={() => {
            setUpdating(false);
            reload();
          }}
          onPublished={() => {
            setUpdating(false);
            reload();
          }}
          onReload={reload}
        />
      )}
      <section aria-label="Timeline">
        <IncidentCard incident={incident} headingLevel={2} />
      </section>
    </ConsoleLayout>
  );
}
