// /console/admin/api-keys — every API key, revoked ones included, with who
// created it; creating one (its secret shown once) and revoking.
import { useState } from "react";
import { useQuery } from "urql";
import type { ResultOf } from "../../src/graphql.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { TableScroll } from "../ui/TableScroll.js";
import { AdminScreen } from "./AdminScreen.js";
import { ApiKeyRow } from "./ApiKeyRow.js";
import { ApiKeysQuery, type CreatedKey } from "./ApiKeys.graphql.js";
import { CreateApiKey } from "./CreateApiKey.js";
import { CreatedSecret } from "./CreatedSecret.js";
import "./admin.css";

type AuditEdges = ResultOf<typeof ApiKeysQuery>["auditLog"]["edges"];

/** Key id → who created it through the API, from the audit log. */
function creators(edges: AuditEdges): Map<string, string> {
  const by = new Map<string, string>();
  for (const { node } of edges) {
    if (node.operation === "createApiKey" && node.outcome === "CHANGED" && node.objectId && node.actorName) by.set(node.objectId, node.actorName);
  }
  return by;
}

/** The API keys screen (admins only). */
export function ApiKeys() {
  const [result, refetch] = useQuery({ query: ApiKeysQuery });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const keys = result.data?.apiKeys ?? [];
  const createdBy = creators(result.data?.auditLog.edges ?? []);
  const actions = !creating && !created && (
    <button type="button" onClick={() => setCreating(true)}>
      Create API key
    </button>
  );
  return (
    <AdminScreen title="API keys" tab="apiKeys" actions={actions}>
      {creating && (
        <CreateApiKey
          onCancel={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            reload();
          }}
        />
      )}
      {created && <CreatedSecret created={created} onDone={() => setCreated(null)} />}
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {result.data && keys.length === 0 && <p className="muted">No API keys yet.</p>}
      {keys.length > 0 && (
        <TableScroll>
          <table className="data-table admin-table">
            <caption className="visually-hidden">API keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Created by</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <ApiKeyRow key={key.id} apiKey={key} createdBy={createdBy.get(key.id) ?? null} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </AdminScreen>
  );
}
