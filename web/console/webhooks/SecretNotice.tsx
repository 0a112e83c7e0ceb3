// The signing secret of an endpoint just created or re-keyed: the API shows it this once.
import { SecretOnce } from "../ui/SecretOnce.js";

/** Shows `secret` for `url`; `rotated` when it replaces an older one. */
export function SecretNotice({ url, secret, rotated, onDone }: { url: string; secret: string; rotated: boolean; onDone: () => void }) {
  const note = (
    <>
      For <strong>{url}</strong>. Copy it now: it is shown only this once.
      {rotated
        ? " The old secret no longer signs anything; give the receiver this one."
        : " The receiver verifies each delivery's webhook-signature with it (Standard Webhooks)."}
    </>
  );
  return (
    <SecretOnce
      title={rotated ? "New signing secret" : "Signing secret"}
      note={note}
      label="Signing secret"
      secret={secret}
      copyLabel="Copy secret"
      doneLabel="I have stored it"
      onDone={onDone}
    />
  );
}
