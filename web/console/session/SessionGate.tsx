// Signed in as an operator (a person): the console, with the operator in context.
// Otherwise the sign-in screen, at whatever /console path was asked for.
import { useEffect, type ReactNode } from "react";
import { useQuery } from "urql";
import { navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { OperatorContext } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { SessionQuery } from "./session-query.js";
import { SignIn } from "./SignIn.js";

export function SessionGate({ pathname, children }: { pathname: string; children: ReactNode }) {
  const [result, refetch] = useQuery({ query: SessionQuery, requestPolicy: "network-only" });
  const operator = result.data?.viewer?.operator ?? null;
  const onSignInScreen = pathname === consolePath("sign-in");
  useEffect(() => {
    if (operator && onSignInScreen) navigate(consolePath());
  }, [operator, onSignInScreen]);

  if (result.fetching && !result.data) return <Loading what="Checking your session…" />;
  if (result.error && !result.data) return <LoadFailed error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />;
  if (!operator) return <SignIn methods={result.data!.operatorSignInMethods} />;
  return <OperatorContext.Provider value={operator}>{children}</OperatorContext.Provider>;
}
