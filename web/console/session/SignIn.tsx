// The signed-out console: single sign-on when configured, and the emailed link.
// A refused single sign-on comes back to /console/sign-in?error=<code>.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql, type ResultOf } from "../../src/graphql.js";
import { FieldError, FormAlert, fieldA11y } from "../ui/FieldError.js";
import { formErrors, MutationErrorFields, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import type { SessionQuery } from "./session-query.js";

const RequestLink = graphql(
  `
  mutation ConsoleRequestSignIn($email: String!) {
    requestOperatorSignIn(email: $email) {
      __typename
      ... on OperatorSignInRequested { message }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Why single sign-on came back refused (README "Operator sign-in"), in words; the cause itself is only logged. */
const REFUSALS: Record<string, string> = {
  oidc_not_allowed: "Your address may not sign in to this service.",
  oidc_no_account: "There is no operator account for your address. Ask an admin to add you.",
  oidc_operator_disabled: "Your operator account is disabled.",
  oidc_access_denied: "Sign-in was cancelled at your identity provider.",
  oidc_attempt_expired: "The sign-in took too long. Try again.",
  oidc_email_unverified: "Your identity provider has not verified your address.",
};

function refusal(search: string): string | null {
  const code = new URLSearchParams(search).get("error");
  if (!code) return null;
  return REFUSALS[code] ?? "Single sign-on did not work. Try again, or use an emailed link.";
}

type Methods = ResultOf<typeof SessionQuery>["operatorSignInMethods"];

/** Where to come back to after signing in: this path, unless it is the sign-in screen itself. */
function returnTo(): string {
  const { pathname, search } = window.location;
  return pathname.startsWith("/console/sign-in") ? "/console" : `${pathname}${search}`;
}

export function SignIn({ methods }: { methods: Methods }) {
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sent, setSent] = useState<string | null>(null);
  const [state, request] = useMutation(RequestLink);
  const refused = refusal(window.location.search);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const result = await request({ email });
    const answer = result.data?.requestOperatorSignIn;
    setErrors(formErrors(answer, result.error, ["email"]));
    if (answer?.__typename === "OperatorSignInRequested") setSent(answer.message);
  };

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to the Statusgraph console</h1>
      {refused && (
        <div className="form-alert" role="alert">
          {refused}
        </div>
      )}
      {methods.oidc && (
        <p>
          <a className="button primary" href={`${methods.oidc.startPath}?returnTo=${encodeURIComponent(returnTo())}`}>
            {methods.oidc.buttonLabel}
          </a>
        </p>
      )}
      {methods.emailLink && (
        <form onSubmit={onSubmit} noValidate aria-labelledby="email-link-title">
          <h2 id="email-link-title">{methods.oidc ? "Or get a sign-in link by email" : "Get a sign-in link by email"}</h2>
          <FormAlert errors={errors} />
          <label htmlFor="sign-in-email">Work email</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...fieldA11y(errors, "email")}
          />
          <FieldError errors={errors} field="email" />
          <button type="submit" disabled={state.fetching}>
            Email me a sign-in link
          </button>
          <p role="status" className="sent">
            {sent}
          </p>
        </form>
      )}
    </main>
  );
}
