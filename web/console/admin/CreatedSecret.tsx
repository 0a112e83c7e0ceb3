// A new key's secret, shown this once: the service keeps only its hash, and the
// console keeps it only in this component's props until "Done" or a reload.
import { useRef, useState } from "react";
import type { CreatedKey } from "./ApiKeys.graphql.js";

/** The secret of `created` with a Copy button; `onDone` forgets it. */
export function CreatedSecret({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied("Copied to the clipboard.");
    } catch {
      // No clipboard access (permission, or not a secure context): leave the copying to the user.
      input.current?.select();
      setCopied("Could not copy: the secret is selected, copy it with your keyboard.");
    }
  };
  return (
    <section className="created-secret" aria-labelledby="created-secret-title">
      <h2 id="created-secret-title">API key “{created.apiKey.name}” created</h2>
      <p id="created-secret-note">
        <strong>Copy the secret now: you will not see it again.</strong> Only a hash of it is kept. Send it as <code>Authorization: Bearer &lt;secret&gt;</code>
        .
      </p>
      <label htmlFor="created-secret">Secret</label>
      <div className="secret-row">
        <input
          id="created-secret"
          ref={input}
          readOnly
          value={created.secret}
          aria-describedby="created-secret-note"
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status">{copied}</p>
      <button type="button" className="primary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
