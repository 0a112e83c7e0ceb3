// The runbook's "Deleting an incident": `...` → Delete status page incident →
// a confirmation naming the incident → Delete incident.
import { useMutation } from "urql";
import { graphql } from "../../src/graphql.js";
import { DeleteMenu } from "../ui/DeleteMenu.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

const DeleteIncidentMutation = graphql(
  `
  mutation ConsoleDeleteIncident($id: ID!, $expectedVersion: Int) {
    deleteIncident(id: $id, expectedVersion: $expectedVersion) {
      __typename
      ... on Incident { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

interface DeleteIncidentProps {
  incident: { id: string; name: string; version: number };
  onDeleted: () => void;
  onReload: () => void;
}

/** The "More actions" menu with its delete confirmation. */
export function IncidentActions({ incident, onDeleted, onReload }: DeleteIncidentProps) {
  const [state, remove] = useMutation(DeleteIncidentMutation);
  return (
    <DeleteMenu
      name={incident.name}
      consequence="It vanishes from the status page and its history. This cannot be undone."
      deleted="Incident"
      remove={async () => {
        const result = await remove({ id: incident.id, expectedVersion: incident.version });
        return { data: result.data?.deleteIncident, error: result.error };
      }}
      busy={state.fetching}
      onDeleted={onDeleted}
      onReload={onReload}
    />
  );
}
