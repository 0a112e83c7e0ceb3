// The runbook's "Deleting maintenance": `...` → Delete status page incident →
// a confirmation naming it → Delete incident.
import { useMutation } from "urql";
import { DeleteMenu } from "../ui/DeleteMenu.js";
import { DeleteMaintenanceMutation } from "./Maintenance.graphql.js";

interface DeleteMaintenanceProps {
  id: string;
  name: string;
  version: number;
  onDeleted: () => void;
  onReload: () => void;
}

/** The "More actions" menu with the delete confirmation; `onDeleted` after the API confirmed it. */
export function DeleteMaintenance({ id, name, version, onDeleted, onReload }: DeleteMaintenanceProps) {
  const [state, run] = useMutation(DeleteMaintenanceMutation);
  return (
    <DeleteMenu
      name={name}
      consequence="It disappears from the status page. This cannot be undone."
      deleted="Maintenance"
      remove={async () => {
        const result = await run({ id, expectedVersion: version });
        return { data: result.data?.deleteMaintenance, error: result.error };
      }}
      busy={state.fetching}
      onDeleted={onDeleted}
      onReload={onReload}
    />
  );
}
