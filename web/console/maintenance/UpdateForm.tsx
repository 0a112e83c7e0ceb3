// The runbook's "Updating maintenance": Status, a message, Review update, Publish update.
// Sent with the version the form was opened at; a stale one shows what changed.
import { useState } from "react";
import { useMutation } from "urql";
import type { SchemaType } from "../../src/graphql.js";
import { MAINTENANCE_STATUS } from "../../src/status.js";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { PublishMaintenanceUpdateMutation } from "./Maintenance.graphql.js";
import { Review } from "./Review.js";
import { useReviewedPublish } from "../ui/use-reviewed-publish.js";

type Status = SchemaType<"MaintenanceStatus">;
const ORDER: readonly Status[] = ["SCHEDULED", "IN_PROGRESS", "COMPLETE"];
const SHOWN = ["input.status", "input.message"];

interface Props {
  maintenanceId: string;
  version: number;
  status: Status;
  onPublished: () => void;
  onReload: () => void;
}

/** Statuses from the current one forward; publishes from `version` as it was when opened, then calls `onPublished`. */
export function UpdateForm({ maintenanceId, version, status: current, onPublished, onReload }: Props) {
  // The version the form was opened at: a change by someone else meanwhile is refused, not overwritten.
  const [openedAt] = useState(version);
  const [status, setStatus] = useState<Status>(current);
  const [message, setMessage] = useState("");
  const [notify, setNotify] = useState(true);
  const [state, run] = useMutation(PublishMaintenanceUpdateMutation);
  const { review, setReview, errors, submit } = useReviewedPublish(
    async (preview) => {
      const result = await run({ input: { maintenanceId, expectedVersion: openedAt, status, message, notifySubscribers: notify, preview } });
      return { answer: result.data?.publishMaintenanceUpdate, error: result.error };
    },
    (answer) => (answer?.__typename === "MaintenancePublication" ? answer : null),
    onPublished,
    SHOWN,
  );
  const edit = () => setReview(null);

  return (
    <form
      className="console-form"
      aria-label="Update maintenance"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(true);
      }}
    >
      <FormAlert errors={errors} />
      {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
      <label htmlFor="u-status">Status</label>
      <select
        id="u-status"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as Status);
          edit();
        }}
        {...fieldA11y(errors, "input.status")}
      >
        {ORDER.slice(ORDER.indexOf(current)).map((s) => (
          <option key={s} value={s}>
            {MAINTENANCE_STATUS[s]}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="input.status" />
      <label htmlFor="u-message">Message</label>
      <textarea
        id="u-message"
        rows={4}
        value={message}
        onChange={(e) => {
          setMessage(e.target.value);
          edit();
        }}
        {...fieldA11y(errors, "input.message")}
      />
      <FieldError errors={errors} field="input.message" />
      <label className="check">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Notify subscribers
      </label>
      <div className="form-actions">
        <button type="submit" disabled={state.fetching}>
          Review update
        </button>
      </div>
      {review && (
        <>
          <Review publication={review} />
          <button type="button" disabled={state.fetching} onClick={() => void submit(false)}>
            Publish update
          </button>
        </>
      )}
    </form>
  );
}
