import { graphql } from "../../src/graphql.js";

/** Who is signed in (an operator, as a person) and how one may sign in otherwise. */
export const SessionQuery = graphql(`
  query ConsoleSession {
    viewer { kind operator { id name email role } }
    operatorSignInMethods { emailLink oidc { buttonLabel startPath } }
  }
`);
