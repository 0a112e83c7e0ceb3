// A secret the API shows this once (an API key's, a webhook endpoint's signing secret):
// on screen until dismissed, with a Copy button that falls back to selecting it. The
// console keeps it only in the caller's state.
import { type ReactNode, useId, useRef, useState } from "react";
import "./secret-once.css";

export interface SecretOnceProps {
  title: string;
  /** What the secret is for and how to use it; the field is described by it. */
  note: ReactNode;
  label: string;
  secret: string;
  copyLabel: string;
  doneLabel: string;
  onDone: () => void;
}

/** The secret in a read-only field, with Copy and the button that forgets it. */
export function SecretOnce({ title, note, label, secret, copyLabel, doneLabel, onDone }: SecretOnceProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied to the clipboard.");
    } catch {
      // No clipboard access (permission, or not a secure context): leave the copying to the user.
      input.current?.select();
      setCopied("Could not copy: the secret is selected, copy it with your keyboard.");
    }
  };
  return (
    <section className="secret-once" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-note`}>{note}</p>
      <label htmlFor={`${id}-secret`}>{label}</label>
      <div className="secret-row">
        <input
          id={`${id}-secret`}
          ref={input}
          readOnly
          value={secret}
          aria-describedby={`${id}-note`}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      <p role="status">{copied}</p>
      <button type="button" className="primary" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  );
}
