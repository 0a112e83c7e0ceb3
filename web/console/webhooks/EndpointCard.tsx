// One endpoint: where it points, its format and events, whether it is enabled (and
// why the service disabled it), its last delivery, and its controls and log.
import { useState } from "react";
import { useMutation } from "urql";
import { formatDateTime } from "../../src/format.js";
import { ConfirmDelete } from "../catalog/ConfirmDelete.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { answerOf, DeliveryLog } from "./DeliveryLog.js";
import { EditEndpoint } from "./EditEndpoint.js";
import { EVENT_LABELS, KIND_LABELS } from "./meanings.js";
import { RotateSecret } from "./RotateSecret.js";
import { DeleteEndpointMutation, UpdateEndpointMutation, type Endpoint } from "./Webhooks.graphql.js";

function EndpointState({ endpoint }: { endpoint: Endpoint }) {
  if (endpoint.enabled) return <>Enabled</>;
  if (!endpoint.disabledReason) return <>Disabled</>;
  return (
    <>
      Disabled by the service
      {endpoint.disabledAt && (
        <>
          {" on "}
          <time dateTime={endpoint.disabledAt}>{formatDateTime(endpoint.disabledAt)}</time>
        </>
      )}
      : {endpoint.disabledReason}
    </>
  );
}

function LastDelivery({ endpoint }: { endpoint: Endpoint }) {
  const last = endpoint.lastDelivery;
  if (!last) return <>None yet</>;
  return (
    <>
      {last.status === "SENT" ? "Delivered" : "Failed"} ({answerOf(last)}) <time dateTime={last.at}>{formatDateTime(last.at)}</time>
      {last.event && `, ${last.event}`}, attempt {last.attempt}
    </>
  );
}

function Facts({ endpoint }: { endpoint: Endpoint }) {
  return (
    <dl className="endpoint-facts">
      <dt>Format</dt>
      <dd>{KIND_LABELS[endpoint.kind]}</dd>
      <dt>Events</dt>
      <dd>{endpoint.events.map((e) => EVENT_LABELS[e]).join(", ")}</dd>
      <dt>Scope</dt>
      <dd>{endpoint.subPage ? `Sub-page ${endpoint.subPage.name} only` : "The whole page"}</dd>
      {endpoint.description && (
        <>
          <dt>Description</dt>
          <dd>{endpoint.description}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>
        <EndpointState endpoint={endpoint} />
      </dd>
      <dt>Last delivery</dt>
      <dd>
        <LastDelivery endpoint={endpoint} />
      </dd>
    </dl>
  );
}

interface CardProps {
  endpoint: Endpoint;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onSecret: (secret: string) => void;
  onChanged: (notice?: string) => void;
}

/** The card of `endpoint`, as an article named by its URL. */
export function EndpointCard({ endpoint, editing, onEdit, onSecret, onChanged }: CardProps) {
  const [showLog, setShowLog] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [, runUpdate] = useMutation(UpdateEndpointMutation);
  const [, runDelete] = useMutation(DeleteEndpointMutation);
  const titleId = `endpoint-${endpoint.id}`;
  const enableAgain = async () => {
    const result = await runUpdate({ input: { id: endpoint.id, enabled: true } });
    setErrors(formErrors(result.data?.updateWebhookEndpoint, result.error));
    onChanged();
  };
  return (
    <article className="panel endpoint" aria-labelledby={titleId}>
      <h2 id={titleId} className="endpoint-url">
        {endpoint.url}
      </h2>
      <Facts endpoint={endpoint} />
      <FormAlert errors={errors} />
      {editing ? (
        <EditEndpoint endpoint={endpoint} onCancel={() => onEdit(false)} onSaved={() => onChanged(`Saved ${endpoint.url}.`)} />
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => onEdit(true)}>
            Edit
          </button>
          {!endpoint.enabled && (
            <button type="button" onClick={() => void enableAgain()}>
              Enable again
            </button>
          )}
          <RotateSecret endpoint={endpoint} onRotated={onSecret} />
          <ConfirmDelete
            name={endpoint.url}
            detail="No more events are sent to it; its delivery log is deleted with it."
            remove={async () => {
              const { data, error } = await runDelete({ id: endpoint.id });
              return { data: data?.deleteWebhookEndpoint, error };
            }}
            onDeleted={() => onChanged(`Deleted ${endpoint.url}.`)}
            onReload={() => onChanged()}
          />
          <button type="button" aria-expanded={showLog} onClick={() => setShowLog(!showLog)}>
            {showLog ? "Hide deliveries" : "Show deliveries"}
          </button>
        </div>
      )}
      {showLog && <DeliveryLog id={endpoint.id} url={endpoint.url} />}
    </article>
  );
}
