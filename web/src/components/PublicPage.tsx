import { useQuery } from "urql";
import { useLiveStatus, withLive } from "../live.js";
import { useRefetchOn } from "../refresh.js";
import { useUptime, withUptime } from "../uptime.js";
import { PublicHistory } from "./IncidentHistory.js";
import { Layout } from "./Layout.js";
import { PageBody } from "./PageBody.js";
import type { StatusSummary } from "./Banner.graphql.js";
import { PageQuery, type PageShell } from "./PublicPage.graphql.js";
import { LoadError, Loading } from "./States.js";
import { SubscribeForm } from "./Subscribe.js";

const OPERATIONAL: StatusSummary = { status: "OPERATIONAL", sentence: "All systems operational" };

export function PublicPage({ shell }: { shell: PageShell }) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PageQuery, variables: { slug: shell.slug } });
  const { live, version } = useLiveStatus(shell.slug, null);
  useRefetchOn(version, reexecute);
  const uptime = useUptime(shell.slug, null, version);
  const page = data?.statusPage;
  return (
    <Layout shell={shell}>
      {page ? (
        <>
          <PageBody
            data={withLive({ ...page, summary: page.summary ?? OPERATIONAL, groups: withUptime(page.groups, uptime) }, live)}
            history={<PublicHistory slug={shell.slug} version={version} />}
          />
          {shell.kind === "PUBLIC" && <SubscribeForm page={shell.slug} components={page.groups.flatMap((g) => g.components)} />}
        </>
      ) : fetching || !error ? (
        <Loading what="the status page" />
      ) : (
        <LoadError what="the status page" error={error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
      )}
    </Layout>
  );
}
