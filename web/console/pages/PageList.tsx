// /console: every status page with its status, kept live by one pageStatus
// subscription per page (the summary arrives first, then after every change).
import { useQuery, useSubscription } from "urql";
import { StatusLabel } from "../../src/components/StatusLabel.js";
import { graphql, type ComponentStatus, type ResultOf } from "../../src/graphql.js";
import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { CreatePageButtons } from "../setup/CreatePageButtons.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { TableScroll } from "../ui/TableScroll.js";

const PageListQuery = graphql(`
  query ConsolePageList {
    statusPages { id slug title kind summary { status sentence } }
  }
`);

const PageListStatus = graphql(`
  subscription ConsolePageListStatus($slug: String!) {
    pageStatus(pageSlug: $slug) { status sentence }
  }
`);

type ListedPage = ResultOf<typeof PageListQuery>["statusPages"][number];

const KINDS = { PUBLIC: "Public", CUSTOMER: "Customer" } as const;

function PageRow({ page }: { page: ListedPage }) {
  const [live] = useSubscription({ query: PageListStatus, variables: { slug: page.slug } });
  const status: ComponentStatus | undefined = live.data?.pageStatus.status ?? page.summary?.status;
  const sentence = live.data?.pageStatus.sentence ?? page.summary?.sentence;
  return (
    <tr data-page={page.slug}>
      <th scope="row">
        <Link href={consolePath("pages", page.id)}>{page.title}</Link>
      </th>
      <td>{KINDS[page.kind]}</td>
      <td className="page-status">{status ? <StatusLabel status={status} /> : "—"}</td>
      <td>{sentence ?? ""}</td>
      <td>
        <a href={`/${page.slug}`}>/{page.slug}</a>
      </td>
    </tr>
  );
}

export function PageList() {
  const [result, refetch] = useQuery({ query: PageListQuery });
  return (
    <ConsoleLayout title="Status pages" section="pages">
      <CreatePageButtons />
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />}
      {result.data && result.data.statusPages.length === 0 && <p>No status pages yet.</p>}
      {result.data && result.data.statusPages.length > 0 && (
        <TableScroll>
          <table className="data-table">
            <caption className="visually-hidden">Status pages and their current status</caption>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Summary</th>
                <th scope="col">Public address</th>
              </tr>
            </thead>
            <tbody>
              {result.data.statusPages.map((page) => (
                <PageRow key={page.id} page={page} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </ConsoleLayout>
  );
}
