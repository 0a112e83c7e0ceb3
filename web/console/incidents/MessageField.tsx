// The Markdown message with a live preview: the server renders what is typed
// exactly as the page will show it, through the public page's Markdown component.
import { useEffect, useId, useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../src/graphql.js";
import { Markdown } from "../../src/markdown.js";
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";

const MessagePreviewQuery = graphql(`
  query ConsoleMessagePreview($message: String!) {
    messagePreview(message: $message)
  }
`);

/** Waits for a pause in typing before asking for a preview. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The `Message` textarea and its rendered preview; `field` is the input path errors name (e.g. "input.message"). */
export function MessageField({ value, onChange, errors, field }: { value: string; onChange: (value: string) => void; errors: FormErrors; field: string }) {
  const id = useId();
  const settled = useSettled(value);
  const [preview] = useQuery({ query: MessagePreviewQuery, variables: { message: settled }, pause: !settled.trim() });
  return (
    <div className="field message-field">
      <label htmlFor={id}>Message</label>
      <p className="muted">Markdown: **bold**, lists, [links](https://example.com).</p>
      <textarea id={id} rows={6} value={value} onChange={(e) => onChange(e.target.value)} {...fieldA11y(errors, field)} />
      <FieldError errors={errors} field={field} />
      <section className="message-preview" aria-label="Rendered preview">
        <p className="preview-title">
          <strong>Preview</strong>
        </p>
        {!settled.trim() && <p className="muted">Nothing to preview yet.</p>}
        {settled.trim() && preview.data && <Markdown html={preview.data.messagePreview} />}
        {settled.trim() && preview.error && <p className="muted">The preview is unavailable right now.</p>}
      </section>
    </div>
  );
}
