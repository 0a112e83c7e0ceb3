// The page's own settings, prefilled: Page title, Status page URL, Page setup
// (theme, logo, favicon) and, on public pages, the components. Save sends the
// changed fields from the version the form was opened at, then any uploads.
import { useState } from "react";
import { useMutation } from "urql";
import { TitleFields } from "../setup/NewStatusPage.js";
import { PageSetupFields } from "../setup/PageSetupFields.js";
import { UPLOAD_CONTEXT } from "../setup/StatusPageSetup.graphql.js";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { type ComponentCatalog, LayoutFields } from "./LayoutFields.js";
import { pagePatch, pendingUploads, renameFields, shownFields, toPageDraft, type PageDraft } from "./page-draft.js";
import { type SettingsPage, UpdateStatusPageMutation, UploadPageAssetMutation } from "./PageSettings.graphql.js";

interface PageDetailsFormProps {
  page: SettingsPage;
  catalog: ComponentCatalog;
  /** Kept by the screen, so they outlive the form (it is remounted at every new version). */
  errors: FormErrors;
  onErrors: (errors: FormErrors) => void;
  onSaved: (message: string) => void;
  onReload: () => void;
}

/** `save(draft)` sends the changes and uploads; it answers the errors to show, or null when everything was saved. */
function useSave(page: SettingsPage) {
  const [updated, update] = useMutation(UpdateStatusPageMutation);
  const [uploaded, upload] = useMutation(UploadPageAssetMutation);
  const save = async (draft: PageDraft): Promise<FormErrors | null> => {
    let version = page.version;
    const patch = pagePatch(page, draft);
    if (Object.keys(patch).length > 0) {
      const result = await update({ input: { id: page.id, expectedVersion: version, ...patch } });
      const answer = result.data?.updateStatusPage;
      if (answer?.__typename !== "StatusPage") return formErrors(answer, result.error, shownFields(draft));
      version = answer.version;
    }
    for (const { kind, file, field } of pendingUploads(draft.setup)) {
      const result = await upload({ pageId: page.id, kind, file, expectedVersion: version }, UPLOAD_CONTEXT);
      const answer = result.data?.uploadPageAsset;
      if (answer?.__typename !== "StatusPage") return renameFields(formErrors(answer, result.error, ["file"]), (f) => (f === "file" ? field : f));
      version = answer.version;
    }
    return null;
  };
  return { save, saving: updated.fetching || uploaded.fetching };
}

/** The settings form for `page`, starting from its values as loaded. */
export function PageDetailsForm({ page, catalog, errors, onErrors, onSaved, onReload }: PageDetailsFormProps) {
  const [draft, setDraft] = useState(() => toPageDraft(page));
  const { save, saving } = useSave(page);
  const changed = Object.keys(pagePatch(page, draft)).length > 0 || pendingUploads(draft.setup).length > 0;

  const submit = async () => {
    onErrors(NO_ERRORS);
    const failed = await save(draft);
    if (failed) onErrors(failed);
    else onSaved(`Saved. Viewers see the page at /${draft.slug}.`);
  };
  return (
    <form
      noValidate
      aria-labelledby="page-details"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="page-details">Page details</h2>
      <FormAlert errors={errors} />
      {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
      <TitleFields
        title={draft.title}
        slug={draft.slug}
        onTitle={(title) => setDraft({ ...draft, title })}
        onSlug={(slug) => setDraft({ ...draft, slug })}
        errors={errors}
      />
      <PageSetupFields setup={draft.setup} onChange={(setup) => setDraft({ ...draft, setup })} errors={errors} />
      {page.kind === "PUBLIC" && <LayoutFields layout={draft.layout} catalog={catalog} errors={errors} onChange={(layout) => setDraft({ ...draft, layout })} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving || !changed}>
          Save changes
        </button>
      </div>
    </form>
  );
}
