// A new key's secret, shown this once: the service keeps only its hash.
import { SecretOnce } from "../ui/SecretOnce.js";
import type { CreatedKey } from "./ApiKeys.graphql.js";

/** The secret of `created` with a Copy button; `onDone` forgets it. */
export function CreatedSecret({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const note = (
    <>
      <strong>Copy the secret now: you will not see it again.</strong> Only a hash of it is kept. Send it as <code>Authorization: Bearer &lt;secret&gt;</code>.
    </>
  );
  return (
    <SecretOnce
      title={`API key “${created.apiKey.name}” created`}
      note={note}
      label="Secret"
      secret={created.secret}
      copyLabel="Copy"
      doneLabel="Done"
      onDone={onDone}
    />
  );
}
