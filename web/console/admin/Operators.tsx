// /console/admin/operators — every operator with their role, when they were last
// seen and whether they are disabled; inviting, role changes, disable/enable.
import { useState } from "react";
import { useQuery } from "urql";
import { LoadFailed, Loading } from "../ui/States.js";
import { TableScroll } from "../ui/TableScroll.js";
import { AdminScreen } from "./AdminScreen.js";
import { InviteOperator } from "./InviteOperator.js";
import { OperatorRow } from "./OperatorRow.js";
import { OperatorsQuery } from "./Operators.graphql.js";

/** The operators screen (admins only). */
export function Operators() {
  const [result, refetch] = useQuery({ query: OperatorsQuery });
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const operators = result.data?.operators.edges.map((e) => e.node) ?? [];
  const actions = !inviting && (
    <button type="button" onClick={() => setInviting(true)}>
      Invite operator
    </button>
  );
  return (
    <AdminScreen title="Operators" tab="operators" actions={actions}>
      {inviting && (
        <InviteOperator
          onCancel={() => setInviting(false)}
          onInvited={(operator) => {
            setInviting(false);
            setInvited(`Invited ${operator.name}: a sign-in link was mailed to ${operator.email}.`);
            reload();
          }}
        />
      )}
      {invited && <p role="status">{invited}</p>}
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {result.data && operators.length === 0 && <p className="muted">No operators yet.</p>}
      {operators.length > 0 && (
        <TableScroll>
          <table className="data-table admin-table">
            <caption className="visually-hidden">Operators</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Last seen</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {operators.map((operator) => (
                <OperatorRow key={operator.id} operator={operator} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </AdminScreen>
  );
}
