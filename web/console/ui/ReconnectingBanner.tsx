// The live connection's state (web/src/connection.ts, set by the graphql-ws
// client) as a banner: screens showing live data may be behind while it shows.
import { useConnectionState } from "../../src/connection.js";

/** "Reconnecting…" while a live subscription's socket is down; an empty live region otherwise, so the text is announced when it appears. */
export function ReconnectingBanner() {
  const state = useConnectionState();
  const down = state === "reconnecting";
  return (
    <div className={down ? "reconnecting-banner" : "reconnecting-banner hidden"} role="status" data-state={state}>
      {down ? "Reconnecting… What you see may be out of date until the connection is back." : ""}
    </div>
  );
}
