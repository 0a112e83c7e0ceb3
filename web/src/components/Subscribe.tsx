// "Subscribe to updates": an email address, and optionally some of the page's
// components. The answer is the same for new and already-subscribed addresses;
// the confirmation link in the email completes it.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../graphql.js";

const SubscribeMutation = graphql(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      __typename
      ... on SubscribeRequested { message }
      ... on Error { message }
    }
  }
`);

export interface SubscribeProps {
  page: string;
  subPage?: string | null;
  components: { id: string; name: string }[];
}

export function SubscribeForm({ page, subPage, components }: SubscribeProps) {
  const [email, setEmail] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [{ data, error, fetching }, subscribe] = useMutation(SubscribeMutation);
  const answer = data?.subscribe;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void subscribe({ input: { page, subPage: subPage ?? null, email: email.trim(), componentIds: [...chosen] } });
  };
  const toggle = (id: string) => setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const done = answer?.__typename === "SubscribeRequested";
  const problem = answer && !done ? answer.message : error ? "Could not subscribe; try again in a moment." : null;
  return (
    <details className="subscribe">
      <summary>Subscribe to updates</summary>
      {done ? (
        <p role="status">{answer.message}</p>
      ) : (
        <form onSubmit={onSubmit}>
          <label htmlFor="subscribe-email">Email address</label>
          <div className="form-row">
            <input id="subscribe-email" type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" disabled={fetching}>
              {fetching ? "Subscribing…" : "Subscribe"}
            </button>
          </div>
          {components.length > 0 && (
            <fieldset>
              <legend>Only these components (none ticked: all)</legend>
              {components.map((c) => (
                <label key={c.id}>
                  <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} /> {c.name}
                </label>
              ))}
            </fieldset>
          )}
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </details>
  );
}
