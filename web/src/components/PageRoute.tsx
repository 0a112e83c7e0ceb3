// /:page: one request tells whether the page is public or a customer page, and
// for a public page already carries everything its first screen shows.
import { useQuery } from "urql";
import { CustomerLanding } from "./CustomerLanding.js";
import { Layout } from "./Layout.js";
import { NotFound } from "./NotFound.js";
import { PublicPage } from "./PublicPage.js";
import { PageQuery } from "./PublicPage.graphql.js";
import { LoadError, Loading } from "./States.js";

export function PageRoute({ page }: { page: string }) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PageQuery, variables: { slug: page } });
  const shell = data?.statusPage;
  if (shell === undefined) {
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
  if (shell === null) return <NotFound />;
  return shell.kind === "PUBLIC" ? <PublicPage shell={shell} /> : <CustomerLanding shell={shell} />;
}
