// The runbook's "Page setup": Theming, Company logo and Favicon, each image
// uploaded from a file or given as a URL.
import { useId } from "react";
import type { Theme } from "../../src/graphql.js";
import { FieldError, fieldA11y } from "../ui/FieldError.js";
import type { FormErrors } from "../ui/mutation-errors.js";

/** What the operator chose under Page setup. */
export interface PageSetup {
  theme: Theme;
  logo: File | null;
  logoUrl: string;
  favicon: File | null;
  faviconUrl: string;
}

export const EMPTY_SETUP: PageSetup = { theme: "LIGHT", logo: null, logoUrl: "", favicon: null, faviconUrl: "" };

/** The fields of `setup` as createStatusPage's input takes them; empty ones left out. */
export function setupInput(setup: PageSetup) {
  return {
    theme: setup.theme,
    ...(setup.logo ? { logo: setup.logo } : setup.logoUrl ? { logoUrl: setup.logoUrl } : {}),
    ...(setup.favicon ? { favicon: setup.favicon } : setup.faviconUrl ? { faviconUrl: setup.faviconUrl } : {}),
  };
}

/** The input paths these fields show errors for. */
export const SETUP_FIELDS = ["input.theme", "input.logo", "input.logoUrl", "input.favicon", "input.faviconUrl"] as const;

function ImageField({
  label,
  field,
  file,
  url,
  errors,
  onFile,
  onUrl,
}: {
  label: string;
  field: "logo" | "favicon";
  file: File | null;
  url: string;
  errors: FormErrors;
  onFile: (file: File | null) => void;
  onUrl: (url: string) => void;
}) {
  const fileId = useId();
  const urlId = useId();
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      <label htmlFor={fileId}>{label}</label>
      <input
        id={fileId}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif,image/x-icon"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        {...fieldA11y(errors, `input.${field}`)}
      />
      <FieldError errors={errors} field={`input.${field}`} />
      <label htmlFor={urlId}>{`${label} URL`}</label>
      <input id={urlId} type="url" value={url} disabled={!!file} onChange={(e) => onUrl(e.target.value)} {...fieldA11y(errors, `input.${field}Url`)} />
      <FieldError errors={errors} field={`input.${field}Url`} />
    </fieldset>
  );
}

/** Theming and the two images. */
export function PageSetupFields({ setup, onChange, errors }: { setup: PageSetup; onChange: (setup: PageSetup) => void; errors: FormErrors }) {
  const themes: [Theme, string][] = [
    ["DARK", "Dark mode"],
    ["LIGHT", "Light mode"],
  ];
  return (
    <section aria-labelledby="page-setup">
      <h2 id="page-setup">Page setup</h2>
      <fieldset className="field">
        <legend>Theming</legend>
        {themes.map(([theme, label]) => (
          <label key={theme}>
            <input type="radio" name="theme" checked={setup.theme === theme} onChange={() => onChange({ ...setup, theme })} /> {label}
          </label>
        ))}
        <FieldError errors={errors} field="input.theme" />
      </fieldset>
      <ImageField
        label="Company logo"
        field="logo"
        file={setup.logo}
        url={setup.logoUrl}
        errors={errors}
        onFile={(logo) => onChange({ ...setup, logo })}
        onUrl={(logoUrl) => onChange({ ...setup, logoUrl })}
      />
      <ImageField
        label="Favicon"
        field="favicon"
        file={setup.favicon}
        url={setup.faviconUrl}
        errors={errors}
        onFile={(favicon) => onChange({ ...setup, favicon })}
        onUrl={(faviconUrl) => onChange({ ...setup, faviconUrl })}
      />
    </section>
  );
}
