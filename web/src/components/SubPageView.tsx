// /<customer-page>/<sub-page>: one customer's components and incidents, live.
// Without access it shows the sign-in form, or a refusal that names nothing:
// the server words a missing sub-page and a forbidden one the same way.
import { useQuery, type OperationContext } from "urql";
import { useLiveStatus, withLive } from "../live.js";
import { useRefetchOn } from "../refresh.js";
import { useUptime, withUptime } from "../uptime.js";
import { deniedReason, useViewer } from "../viewer.js";
import { SubPageHistory } from "./IncidentHistory.js";
import { Layout } from "./Layout.js";
import { NotFound } from "./NotFound.js";
import { PageBody } from "./PageBody.js";
import { SubscribeForm } from "./Subscribe.js";
import { SignInForm, SignOutButton } from "./SignIn.js";
import { LoadError, Loading } from "./States.js";
import type { PageShell } from "./PublicPage.graphql.js";
import { SubPageQuery, type SubPageData } from "./SubPageView.graphql.js";

function Denied({ shell, email }: { shell: PageShell; email: string | null }) {
  return (
    <section className="denied" aria-labelledby="denied-heading">
      <h2 id="denied-heading">You don't have access to this page</h2>
      <p>
        {email ? `You are signed in as ${email}. ` : ""}If you think you should see it, ask your contact at {shell.title} to allow your email domain.
      </p>
    </section>
  );
}

interface FoundProps {
  shell: PageShell;
  found: NonNullable<SubPageData["subPage"]>;
  slug: string;
  refetch: (opts?: Partial<OperationContext>) => void;
}

/** Mounted only once the sub-page was allowed: only then does it subscribe and load uptime. */
function Found({ shell, found, slug, refetch }: FoundProps) {
  const { live, version } = useLiveStatus(shell.slug, slug);
  useRefetchOn(version, refetch);
  const uptime = useUptime(shell.slug, slug, version);
  const body = { ...found, groups: withUptime([{ name: null, components: found.components }], uptime) };
  return (
    <>
      <h2 className="sub-page-name">{found.name}</h2>
      <PageBody data={withLive(body, live)} history={<SubPageHistory page={shell.slug} slug={slug} version={version} />} />
      <SubscribeForm page={shell.slug} subPage={slug} components={found.components} />
    </>
  );
}

export function SubPageView({ page, subPage }: { page: string; subPage: string }) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SubPageQuery, variables: { page, slug: subPage } });
  const viewer = useViewer();
  const shell = data?.statusPage;
  if (shell === null || shell?.kind === "PUBLIC") return <NotFound />;
  if (!shell) {
    return (
      <Layout>
        {fetching || !error ? (
          <Loading what="the status page" />
        ) : (
          <LoadError what="the status page" error={error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        )}
      </Layout>
    );
  }
  const email = viewer.viewer?.email ?? null;
  const found = data?.subPage;
  const denied = deniedReason(error);
  let content: import("react").ReactNode;
  if (found) content = <Found shell={shell} found={found} slug={subPage} refetch={reexecute} />;
  // Whether to offer signing in, or to say who is refused, waits for who is asking.
  else if (denied === "FORBIDDEN" && viewer.fetching) content = <Loading what="the status page" />;
  else if (denied === "UNAUTHENTICATED" || (denied && !email)) content = <SignInForm page={shell.slug} title={shell.title} />;
  else if (denied || !error) content = <Denied shell={shell} email={email} />;
  else content = <LoadError what="the status page" error={error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />;
  return (
    <Layout shell={shell} actions={email && <SignOutButton page={shell.slug} />}>
      {content}
    </Layout>
  );
}
