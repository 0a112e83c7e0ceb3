// The inputs an endpoint is made of (URL, format, events, description, enabled and,
// when created on a customer page, the sub-page), each with its errors beside it.
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import { EVENT_LABELS, EVENT_TYPES, KIND_LABELS, KINDS, type WebhookEventType, type WebhookKind } from "./meanings.js";

/** What the form holds; `subPageId` "" means the whole page. */
export interface EndpointDraft {
  url: string;
  kind: WebhookKind;
  description: string;
  enabled: boolean;
  events: WebhookEventType[];
  subPageId: string;
}

export const EMPTY_DRAFT: EndpointDraft = { url: "", kind: "JSON", description: "", enabled: true, events: [...EVENT_TYPES], subPageId: "" };

/** The input paths the form shows errors beside. */
export const DRAFT_FIELDS = ["input.url", "input.kind", "input.description", "input.enabled", "input.events", "input.subPageId"] as const;

interface Props {
  /** Makes the ids unique on the screen. */
  idPrefix: string;
  draft: EndpointDraft;
  onChange: (draft: EndpointDraft) => void;
  errors: FormErrors;
  /** A customer page's sub-pages, offered on create only. */
  subPages?: readonly { id: string; name: string }[];
}

function EventChoices({ idPrefix, draft, onChange, errors }: Props) {
  const toggle = (event: WebhookEventType, on: boolean) =>
    onChange({ ...draft, events: on ? EVENT_TYPES.filter((e) => e === event || draft.events.includes(e)) : draft.events.filter((e) => e !== event) });
  return (
    <fieldset>
      <legend>Events</legend>
      {EVENT_TYPES.map((event) => (
        <label key={event} className="check" htmlFor={`${idPrefix}-event-${event}`}>
          <input id={`${idPrefix}-event-${event}`} type="checkbox" checked={draft.events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
          {EVENT_LABELS[event]}
        </label>
      ))}
      <FieldError errors={errors} field="input.events" />
    </fieldset>
  );
}

/** The endpoint's inputs, controlled by `draft`. */
export function EndpointInputs(props: Props) {
  const { idPrefix, draft, onChange, errors, subPages } = props;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <label htmlFor={id("url")}>URL</label>
      <input
        id={id("url")}
        type="url"
        inputMode="url"
        placeholder="https://hooks.example.com/statusgraph"
        value={draft.url}
        onChange={(e) => onChange({ ...draft, url: e.target.value })}
        {...fieldA11y(errors, "input.url")}
      />
      <FieldError errors={errors} field="input.url" />
      <label htmlFor={id("kind")}>Format</label>
      <select
        id={id("kind")}
        value={draft.kind}
        onChange={(e) => onChange({ ...draft, kind: e.target.value as WebhookKind })}
        {...fieldA11y(errors, "input.kind")}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="input.kind" />
      {subPages && subPages.length > 0 && (
        <>
          <label htmlFor={id("sub-page")}>Sub-page</label>
          <select
            id={id("sub-page")}
            value={draft.subPageId}
            onChange={(e) => onChange({ ...draft, subPageId: e.target.value })}
            {...fieldA11y(errors, "input.subPageId")}
          >
            <option value="">Every sub-page</option>
            {subPages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="input.subPageId" />
        </>
      )}
      <EventChoices {...props} />
      <label htmlFor={id("description")}>Description (optional)</label>
      <input
        id={id("description")}
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.target.value })}
        {...fieldA11y(errors, "input.description")}
      />
      <FieldError errors={errors} field="input.description" />
      <label className="check" htmlFor={id("enabled")}>
        <input id={id("enabled")} type="checkbox" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.target.checked })} />
        Enabled: send events to it
      </label>
      <FieldError errors={errors} field="input.enabled" />
    </>
  );
}
