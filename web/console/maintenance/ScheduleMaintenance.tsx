// /console/pages/:id/maintenance/new — the runbook's "Scheduling maintenance":
// Name, Automatically update status, Impact window (local time, zone named),
// Message, Affected components, Notify subscribers → Review → Publish maintenance.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { useRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { ComponentImpacts, impactInput, type Impacts } from "./ComponentImpacts.js";
import { fromLocalInput, localZoneLabel } from "./local-time.js";
import { PageMaintenanceQuery, ScheduleMaintenanceMutation } from "./Maintenance.graphql.js";
import { Review } from "./Review.js";
import { useReviewedPublish } from "../ui/use-reviewed-publish.js";

const SHOWN = ["input.name", "input.startsAt", "input.endsAt", "input.message", "input.components"];

interface Draft {
  name: string;
  autoUpdate: boolean;
  start: string;
  end: string;
  message: string;
  impacts: Impacts;
  notify: boolean;
}

/** Field errors the browser can tell before asking: an empty name, an empty window or one ending before it starts. */
function localErrors(d: Draft): FormErrors {
  const fields: Record<string, string[]> = {};
  const start = fromLocalInput(d.start);
  const end = fromLocalInput(d.end);
  if (!d.name.trim()) fields["input.name"] = ["Enter a name."];
  if (!start) fields["input.startsAt"] = ["Enter the start of the window."];
  if (!end) fields["input.endsAt"] = ["Enter the end of the window."];
  else if (start && end <= start) fields["input.endsAt"] = ["must be after the start of the window"];
  return Object.keys(fields).length ? { fields, form: "Some fields need attention.", stale: null } : NO_ERRORS;
}

function Form({ pageId, components }: { pageId: string; components: readonly { id: string; name: string }[] }) {
  const [d, setD] = useState<Draft>({ name: "", autoUpdate: true, start: "", end: "", message: "", impacts: {}, notify: true });
  const [state, run] = useMutation(ScheduleMaintenanceMutation);
  const { review, setReview, errors, setErrors, submit } = useReviewedPublish(
    async (preview) => {
      const range = { startsAt: fromLocalInput(d.start)!, endsAt: fromLocalInput(d.end)! };
      const input = {
        pageId,
        name: d.name,
        message: d.message,
        ...range,
        autoUpdate: d.autoUpdate,
        components: impactInput(d.impacts),
        notifySubscribers: d.notify,
      };
      const result = await run({ input: { ...input, preview } });
      return { answer: result.data?.scheduleMaintenance, error: result.error };
    },
    (answer) => (answer?.__typename === "MaintenancePublication" ? answer : null),
    (published) => navigate(consolePath("pages", pageId, "maintenance", published.maintenance!.id)),
    SHOWN,
  );
  const set = (patch: Partial<Draft>) => {
    setD({ ...d, ...patch });
    setReview(null);
  };
  /** Checks what the browser can check (dates) before asking the API. */
  const send = (preview: boolean) => {
    const local = localErrors(d);
    return local === NO_ERRORS ? submit(preview) : setErrors(local);
  };

  const zone = localZoneLabel(fromLocalInput(d.start) ? new Date(fromLocalInput(d.start)!) : new Date());
  return (
    <form
      className="console-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      <FormAlert errors={errors} />
      <label htmlFor="m-name">Name</label>
      <input id="m-name" value={d.name} onChange={(e) => set({ name: e.target.value })} {...fieldA11y(errors, "input.name")} />
      <FieldError errors={errors} field="input.name" />
      <label className="check">
        <input type="checkbox" checked={d.autoUpdate} onChange={(e) => set({ autoUpdate: e.target.checked })} /> Automatically update status
      </label>
      <fieldset>
        <legend>Impact window</legend>
        <p className="muted" data-testid="zone">
          Local time: {zone}
        </p>
        <label htmlFor="m-start">Start</label>
        <input id="m-start" type="datetime-local" value={d.start} onChange={(e) => set({ start: e.target.value })} {...fieldA11y(errors, "input.startsAt")} />
        <FieldError errors={errors} field="input.startsAt" />
        <label htmlFor="m-end">End</label>
        <input id="m-end" type="datetime-local" value={d.end} onChange={(e) => set({ end: e.target.value })} {...fieldA11y(errors, "input.endsAt")} />
        <FieldError errors={errors} field="input.endsAt" />
      </fieldset>
      <label htmlFor="m-message">Message</label>
      <textarea
        id="m-message"
        rows={5}
        value={d.message}
        onChange={(e) => set({ message: e.target.value })}
        aria-describedby="m-message-hint"
        {...fieldA11y(errors, "input.message")}
      />
      <p className="muted" id="m-message-hint">
        Markdown; Review shows it rendered exactly as the public page will.
      </p>
      <FieldError errors={errors} field="input.message" />
      <ComponentImpacts components={components} value={d.impacts} onChange={(impacts) => set({ impacts })} />
      <FieldError errors={errors} field="input.components" />
      <label className="check">
        <input type="checkbox" checked={d.notify} onChange={(e) => set({ notify: e.target.checked })} /> Notify subscribers
      </label>
      <div className="form-actions">
        <button type="submit" disabled={state.fetching}>
          Review
        </button>
      </div>
      {review && (
        <>
          <Review publication={review} />
          <button type="button" disabled={state.fetching} onClick={() => void send(false)}>
            Publish maintenance
          </button>
        </>
      )}
    </form>
  );
}

/** The schedule form for the page with `id`; publishers and above. */
export function ScheduleMaintenance({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: PageMaintenanceQuery, variables: { id } });
  const page = result.data?.statusPageById;
  const { can } = useRole();
  if (result.data && !page) return <ConsoleNotFound what="This status page" />;
  return (
    <ConsoleLayout title="Schedule maintenance" section="pages">
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />}
      {!can("PUBLISHER") && <p role="alert">Your role does not allow scheduling maintenance.</p>}
      {page && can("PUBLISHER") && <Form pageId={id} components={page.components} />}
    </ConsoleLayout>
  );
}
