// /console/pages/:id/webhooks — a page's webhook endpoints (editors and admins, as
// the API allows): the list, adding one (its secret shown once), editing, rotating
// the secret, deleting, and each endpoint's delivery log.
import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { useRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { CreateEndpoint } from "./CreateEndpoint.js";
import { EndpointCard } from "./EndpointCard.js";
import { SecretNotice } from "./SecretNotice.js";
import { WebhookEndpointsQuery } from "./Webhooks.graphql.js";
import "./webhooks.css";

const TITLE = "Webhook endpoints";

/** A secret to show once: whose, and whether it replaced one. */
interface ShownSecret {
  url: string;
  secret: string;
  rotated: boolean;
}

function BackToPage({ id }: { id: string }) {
  return (
    <p>
      <Link href={consolePath("pages", id)}>Back to the page overview</Link>
    </p>
  );
}

function EditorWebhooks({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: WebhookEndpointsQuery, variables: { pageId: id } });
  // "new", an endpoint's id, or null: one form at a time.
  const [form, setForm] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const page = result.data?.statusPageById;
  if (result.data && !page) return <ConsoleNotFound what="This status page" />;
  const endpoints = result.data?.webhookEndpoints ?? [];
  const changed = (message?: string) => {
    setForm(null);
    setNotice(message ?? null);
    reload();
  };
  const actions = form !== "new" && page && (
    <button type="button" className="primary" onClick={() => setForm("new")}>
      Add webhook endpoint
    </button>
  );
  return (
    <ConsoleLayout title={page ? `${TITLE} · ${page.title}` : TITLE} section="pages" actions={actions}>
      <BackToPage id={id} />
      {shown && <SecretNotice {...shown} onDone={() => setShown(null)} />}
      {page && form === "new" && (
        <CreateEndpoint
          page={page}
          onCancel={() => setForm(null)}
          onCreated={(endpoint, secret) => {
            setShown({ url: endpoint.url, secret, rotated: false });
            changed(`Added ${endpoint.url}.`);
          }}
        />
      )}
      <p role="status">{notice}</p>
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {result.data && endpoints.length === 0 && <p className="muted">No webhook endpoints yet: events of this page are sent nowhere.</p>}
      {endpoints.map((endpoint) => (
        <EndpointCard
          key={endpoint.id}
          endpoint={endpoint}
          editing={form === endpoint.id}
          onEdit={(editing) => setForm(editing ? endpoint.id : null)}
          onSecret={(secret) => setShown({ url: endpoint.url, secret, rotated: true })}
          onChanged={changed}
        />
      ))}
    </ConsoleLayout>
  );
}

/** The webhooks screen of page `id`; operators below editor see why there is nothing to manage. */
export function PageWebhooks({ id }: { id: string }) {
  if (!useRole().can("EDITOR"))
    return (
      <ConsoleLayout title={TITLE} section="pages">
        <p role="alert">Only editors and admins manage webhook endpoints; your role cannot see or change them.</p>
        <BackToPage id={id} />
      </ConsoleLayout>
    );
  return <EditorWebhooks id={id} />;
}
