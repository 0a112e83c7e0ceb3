// The signing secret of an endpoint just created or re-keyed: the API shows it this
// once, so it is on screen until dismissed, with a copy button.
import { useId, useRef, useState } from "react";

/** Shows `secret` for `url`; `rotated` when it replaces an older one. */
export function SecretNotice({ url, secret, rotated, onDone }: { url: string; secret: string; rotated: boolean; onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied to the clipboard.");
    } catch {
      input.current?.select();
      setCopied("The browser refused the clipboard: the secret is selected, copy it with Ctrl+C or ⌘C.");
    }
  };
  return (
    <section className="panel secret-notice" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{rotated ? "New signing secret" : "Signing secret"}</h2>
      <p>
        For <strong>{url}</strong>. Copy it now: it is shown only this once.
        {rotated
          ? " The old secret no longer signs anything; give the receiver this one."
          : " The receiver verifies each delivery's webhook-signature with it (Standard Webhooks)."}
      </p>
      <label htmlFor={`${id}-secret`}>Signing secret</label>
      <input id={`${id}-secret`} ref={input} className="secret" readOnly value={secret} onFocus={(e) => e.target.select()} />
      <div className="form-actions">
        <button type="button" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" onClick={onDone}>
          I have stored it
        </button>
      </div>
      <p role="status">{copied}</p>
    </section>
  );
}
