// /embed/:page — for an iframe: overall status and components, live, no chrome.
import { useQuery } from "urql";
import { graphql } from "../graphql.js";
import { useLiveStatus, type LiveStatus } from "../live.js";
import { COMPONENT_STATUS } from "../status.js";
import { useDocumentLook } from "../theme.js";
import { ConnectionIndicator } from "./Layout.js";
import { PAGE_SHELL_FIELDS } from "./PublicPage.graphql.js";
import { LoadError, Loading } from "./States.js";
import { StatusLabel } from "./StatusLabel.js";

const EmbedShellQuery = graphql(
  `
  query EmbedShell($slug: String!) { statusPage(slug: $slug) { ...PageShellFields } }
`,
  [PAGE_SHELL_FIELDS],
);

export function EmbedStatus({ page, title, live }: { page: string; title: string | null; live: LiveStatus }) {
  const look = COMPONENT_STATUS[live.status];
  return (
    <>
      <h1 className={`embed-banner tone-${look.tone}`}>
        <span aria-hidden="true">{look.icon} </span>
        {live.sentence}
      </h1>
      <ul className="embed-components">
        {live.components.map((c) => (
          <li key={c.id}>
            <span>{c.name}</span>
            <StatusLabel status={c.status} />
          </li>
        ))}
      </ul>
      <p className="embed-footer">
        <a href={`/${encodeURIComponent(page)}`} target="_blank" rel="noopener">
          {title ? `${title} status` : "Full status page"}
        </a>
        <ConnectionIndicator />
      </p>
    </>
  );
}

export function Embed({ page }: { page: string }) {
  const [{ data }] = useQuery({ query: EmbedShellQuery, variables: { slug: page } });
  const shell = data?.statusPage;
  const { live, error } = useLiveStatus(page, null);
  useDocumentLook(shell === undefined ? null : { title: shell?.title ?? "Status", theme: shell?.theme, faviconUrl: shell?.faviconUrl });
  return (
    <main className="embed" id="main">
      {live ? (
        <EmbedStatus page={page} title={shell?.title ?? null} live={live} />
      ) : error ? (
        <LoadError what="the status" error={error} />
      ) : (
        <Loading what="the status" />
      )}
    </main>
  );
}
