// /console/pages/:id — the page "now", exactly as its viewers see it: current
// status, ongoing incidents, maintenance in progress and upcoming, components.
// Live: every summary the subscription sends after the first (a publish, a
// resolve, a maintenance starting, by anyone) reloads the page's data.
import { useEffect, useRef } from "react";
import { useQuery, useSubscription } from "urql";
import { PageBody } from "../../src/components/PageBody.js";
import { Link, navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { EDITOR } from "../setup/NewStatusPage.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { RequireRole, type Role } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { type OverviewPage, PageOverviewLive, PageOverviewQuery } from "./PageOverview.graphql.js";

function useLiveReload(slug: string | undefined, reload: () => void): void {
  const [live] = useSubscription({ query: PageOverviewLive, variables: { slug: slug ?? "" }, pause: !slug });
  const seen = useRef<unknown>(null);
  useEffect(() => {
    const summary = live.data?.pageStatus;
    if (!summary || summary === seen.current) return;
    // The first summary describes what the query just loaded.
    const first = seen.current === null;
    seen.current = summary;
    if (!first) reload();
  }, [live.data, reload]);
}

function Overview({ page }: { page: OverviewPage }) {
  return (
    <div className="overview" data-page={page.slug}>
      <p className="muted">
        {page.kind === "CUSTOMER" ? "Customer page: every sub-page's components together." : "Public page"} · Viewers see it at{" "}
        <a href={`/${page.slug}`}>/{page.slug}</a>
      </p>
      {page.incidents.length > 0 && (
        <nav aria-label="Ongoing incidents" className="incident-links">
          <ul>
            {page.incidents.map((incident) => (
              <li key={incident.id}>
                <Link href={consolePath("pages", page.id, "incidents", incident.id)}>{incident.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {page.summary ? (
        <PageBody data={{ summary: page.summary, groups: page.groups, incidents: page.incidents, inProgress: page.inProgress, upcoming: page.upcoming }} />
      ) : (
        <p>This page has no status yet.</p>
      )}
    </div>
  );
}

/** Publishing incidents needs this role. */
const PUBLISHER: Role = "PUBLISHER";

function OverviewActions({ id }: { id: string }) {
  return (
    <>
      <Link href={consolePath("pages", id, "maintenance")}>Maintenance</Link>
      <RequireRole role={EDITOR}>
        <Link href={consolePath("pages", id, "settings")}>Settings</Link>
        <Link href={consolePath("pages", id, "webhooks")}>Webhooks</Link>
      </RequireRole>
      <RequireRole role={PUBLISHER}>
        <button type="button" className="primary" onClick={() => navigate(consolePath("pages", id, "incidents", "new"))}>
          Publish incident
        </button>
      </RequireRole>
    </>
  );
}

/** The overview of one status page, reloaded live. */
export function PageOverview({ id }: { id: string }) {
  // Fresh on every visit: what changed while it was not open (a publish from another screen) sends no live summary to reload on.
  const [result, refetch] = useQuery({ query: PageOverviewQuery, variables: { id }, requestPolicy: "cache-and-network" });
  const page = result.data?.statusPageById;
  const reloadRef = useRef(() => refetch({ requestPolicy: "network-only" }));
  reloadRef.current = () => refetch({ requestPolicy: "network-only" });
  const reload = useRef(() => reloadRef.current()).current;
  useLiveReload(page?.slug, reload);

  if (result.data && !page) return <ConsoleNotFound what="This status page" />;
  return (
    <ConsoleLayout title={page?.title ?? "Status page"} section="pages" actions={<OverviewActions id={id} />}>
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {page && <Overview page={page} />}
    </ConsoleLayout>
  );
}
