// The signed-in operator's account menu in the console header: "Sign out
// everywhere" ends every session of theirs (other browsers and devices too),
// after a confirmation.
import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../src/graphql.js";
import { consolePath } from "../routes.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, MutationErrorFields, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { useOperator } from "../ui/role.js";
import "./account-menu.css";

const SignOutEverywhereMutation = graphql(
  `
  mutation ConsoleSignOutEverywhere {
    signOutEverywhere {
      __typename
      ... on SignedOutEverywhere { sessionsEnded }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** "Account" and its panel; signing out everywhere lands this browser on the sign-in screen. */
export function AccountMenu() {
  const operator = useOperator();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [state, run] = useMutation(SignOutEverywhereMutation);
  const toggle = () => {
    setOpen(!open);
    setConfirming(false);
    setErrors(NO_ERRORS);
  };
  const signOutEverywhere = async () => {
    const result = await run({});
    const answer = result.data?.signOutEverywhere;
    // A fresh load, as after "Sign out": nothing of the session stays in memory or in urql's cache.
    if (answer?.__typename === "SignedOutEverywhere") window.location.assign(consolePath());
    else setErrors(formErrors(answer, result.error));
  };
  return (
    <div className="account-menu">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={open ? "account-panel" : undefined} onClick={toggle}>
        Account
      </button>
      {open && (
        <div id="account-panel" className="account-panel">
          <p className="muted">Signed in as {operator.email}</p>
          <FormAlert errors={errors} />
          {confirming ? (
            <div role="dialog" aria-modal="false" aria-labelledby="sign-out-everywhere-title" className="confirm">
              <p id="sign-out-everywhere-title">Sign out of every session of {operator.email}: other browsers and devices, and this one?</p>
              <button type="button" className="danger" disabled={state.fetching} onClick={() => void signOutEverywhere()}>
                Sign out everywhere
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Sign out everywhere…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
