// Customer pages: ask for an email address, mail a one-time link, and say so.
// The answer is the same whether or not the address may see anything, so the
// form cannot be used to probe which domains are customers.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../graphql.js";

const RequestSignInMutation = graphql(`
  mutation RequestSignIn($page: String!, $email: String!) {
    requestSignIn(pageSlug: $page, email: $email) {
      __typename
      ... on SignInRequested { message }
      ... on Error { message }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut { signOut }
`);

export function SignInForm({ page, title }: { page: string; title: string }) {
  const [email, setEmail] = useState("");
  const [{ data, error, fetching }, requestSignIn] = useMutation(RequestSignInMutation);
  const answer = data?.requestSignIn;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void requestSignIn({ page, email: email.trim() });
  };
  if (answer?.__typename === "SignInRequested") {
    return (
      <section className="sign-in" aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">Check your email</h2>
        <p role="status">{answer.message}</p>
        <p>The link in the email signs you in on this browser. You can close this tab.</p>
      </section>
    );
  }
  // Typed failures (a malformed address, too many requests) say what to fix; anything else is ours.
  const problem = answer ? answer.message : error ? "Could not send the link; try again in a moment." : null;
  return (
    <section className="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in to see {title}</h2>
      <p>This status page is private. Enter your work email address and we will send you a sign-in link.</p>
      <form onSubmit={onSubmit}>
        <label htmlFor="sign-in-email">Email address</label>
        <div className="form-row">
          <input
            id="sign-in-email"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "sign-in-problem" : undefined}
          />
          <button type="submit" disabled={fetching}>
            {fetching ? "Sending…" : "Email me a link"}
          </button>
        </div>
        {problem && (
          <p id="sign-in-problem" className="form-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}

/** Ends the session, then reloads so the live connection reopens without it. */
export function SignOutButton({ page }: { page: string }) {
  const [{ fetching }, signOut] = useMutation(SignOutMutation);
  const onClick = async () => {
    await signOut({});
    window.location.assign(`/${encodeURIComponent(page)}`);
  };
  return (
    <button type="button" className="sign-out" disabled={fetching} onClick={() => void onClick()}>
      Sign out
    </button>
  );
}
