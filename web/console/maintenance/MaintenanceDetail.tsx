// /console/pages/:id/maintenance/:maintenanceId — one maintenance: the card as
// viewers see it, its timeline, the status bar opening the update form, and
// `...` for deleting it. Follows the page's events live.
import { useState } from "react";
import { useQuery } from "urql";
import { MaintenanceCard } from "../../src/components/MaintenanceCard.js";
import { formatDateTime } from "../../src/format.js";
import { Markdown } from "../../src/markdown.js";
import { Link, navigate } from "../../src/router.js";
import { MAINTENANCE_STATUS } from "../../src/status.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { useRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { DeleteMaintenance } from "./DeleteMaintenance.js";
import { MaintenanceQuery } from "./Maintenance.graphql.js";
import { UpdateForm } from "./UpdateForm.js";
import { usePageEventsReload } from "../ui/use-page-events.js";

/** The maintenance `maintenanceId` of the page `pageId`. */
export function MaintenanceDetail({ pageId, maintenanceId }: { pageId: string; maintenanceId: string }) {
  // Fresh on every visit: the service may have started or completed it while it was not open.
  const [result, refetch] = useQuery({ query: MaintenanceQuery, variables: { id: maintenanceId }, requestPolicy: "cache-and-network" });
  const { can } = useRole();
  const [updating, setUpdating] = useState(false);
  const [opened, setOpened] = useState(0);
  const m = result.data?.maintenance;
  const reload = () => refetch({ requestPolicy: "network-only" });
  usePageEventsReload(m?.page.slug, reload);
  const listPath = consolePath("pages", pageId, "maintenance");

  if (result.data && !m) return <ConsoleNotFound what="This maintenance" />;
  const actions = m && can("PUBLISHER") && (
    <>
      <button type="button" className="status-bar" aria-expanded={updating} onClick={() => setUpdating(!updating)}>
        Status: {MAINTENANCE_STATUS[m.status]}
      </button>
      <DeleteMaintenance id={m.id} name={m.name} version={m.version} onDeleted={() => navigate(listPath)} onReload={reload} />
    </>
  );
  return (
    <ConsoleLayout title={m?.name ?? "Maintenance"} section="pages" actions={actions}>
      <p>
        <Link href={listPath}>Back to maintenance</Link>
      </p>
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {m && updating && (
        <UpdateForm
          key={opened}
          maintenanceId={m.id}
          version={m.version}
          status={m.status}
          onPublished={() => {
            setUpdating(false);
            reload();
          }}
          onReload={() => {
            reload();
            setOpened(opened + 1);
          }}
        />
      )}
      {m && (
        <>
          <section aria-labelledby="as-viewers">
            <h2 id="as-viewers">As viewers see it</h2>
            <MaintenanceCard maintenance={m} />
          </section>
          <p className="muted">
            {m.autoUpdate ? "Status updates automatically at the window's start and end." : "Status is updated by hand."} Version {m.version}.
          </p>
          <section aria-labelledby="timeline">
            <h2 id="timeline">Timeline</h2>
            <ol className="timeline">
              {m.updates.map((u) => (
                <li key={u.id}>
                  <strong>{MAINTENANCE_STATUS[u.status]}</strong> · <time dateTime={u.publishedAt}>{formatDateTime(u.publishedAt)}</time> ·{" "}
                  {u.publishedBy ?? "the service"}
                  <Markdown html={u.messageHtml} />
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </ConsoleLayout>
  );
}
