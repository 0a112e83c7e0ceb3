// A customer page's sub-pages: each one's name and URL, saved on its own from
// the version it was loaded at. The customer type and its attributes are shown;
// they are chosen when the page is created and stay.
import { useId, useState } from "react";
import { useMutation } from "urql";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { StaleVersionNotice } from "../ui/StaleVersionNotice.js";
import { renameFields } from "./page-draft.js";
import { type SettingsPage, type SettingsSubPage, UpdateSubPageMutation } from "./PageSettings.graphql.js";

const SUB_PAGE_FIELDS = ["input.name", "input.slug"];

interface SubPageFormProps {
  sub: SettingsSubPage;
  pageSlug: string;
  errors: FormErrors;
  onErrors: (errors: FormErrors) => void;
  onSaved: (message: string) => void;
  onReload: () => void;
}

function SubPageForm({ sub, pageSlug, errors, onErrors, onSaved, onReload }: SubPageFormProps) {
  const [name, setName] = useState(sub.name);
  const [slug, setSlug] = useState(sub.slug);
  const [state, update] = useMutation(UpdateSubPageMutation);
  const nameId = useId();
  const slugId = useId();
  // Field errors get ids of their own: every sub-page's form has an input.slug.
  const own = (field: string) => field.replace(/^input\./, `sub-${sub.id}.`);
  const submit = async () => {
    onErrors(NO_ERRORS);
    const patch = { ...(name !== sub.name && { name }), ...(slug !== sub.slug && { slug }) };
    const result = await update({ input: { id: sub.id, expectedVersion: sub.version, ...patch } });
    const answer = result.data?.updateSubPage;
    if (answer?.__typename === "SubPage") onSaved(`Saved ${answer.name}: live at ${answer.url}.`);
    else onErrors(renameFields(formErrors(answer, result.error, SUB_PAGE_FIELDS), own));
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="field">
        <legend>{sub.entry?.name ?? sub.name}</legend>
        <FormAlert errors={errors} />
        {errors.stale && <StaleVersionNotice stale={errors.stale} onReload={onReload} />}
        <label htmlFor={nameId}>Page name</label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} {...fieldA11y(errors, own("input.name"))} />
        <FieldError errors={errors} field={own("input.name")} />
        <label htmlFor={slugId}>URL</label>
        <input id={slugId} value={slug} onChange={(e) => setSlug(e.target.value)} {...fieldA11y(errors, own("input.slug"))} />
        <FieldError errors={errors} field={own("input.slug")} />
        <p className="hint">{`Live at /${pageSlug}/${sub.slug}`}</p>
        <button type="submit" disabled={state.fetching || (name === sub.name && slug === sub.slug)}>
          Save sub-page
        </button>
      </fieldset>
    </form>
  );
}

function CustomerSource({ page }: { page: SettingsPage }) {
  return (
    <p className="muted">
      {`Customers are the entries of ${page.customerType?.name ?? "a deleted catalog type"}; their components come from ${page.componentsAttribute?.name ?? "—"}`}
      {`, their allowed email domains from ${page.emailDomainsAttribute?.name ?? "—"}. These are chosen when the page is created.`}
    </p>
  );
}

/** Every sub-page of a customer page, each with its own Save. */
export function SubPageSettings({ page, onReload }: { page: SettingsPage; onReload: () => void }) {
  const [errors, setErrors] = useState<Record<string, FormErrors>>({});
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="settings-sub-pages">
      <h2 id="settings-sub-pages">Sub-pages</h2>
      <CustomerSource page={page} />
      {notice && <p role="status">{notice}</p>}
      {page.subPages.length === 0 && <p>This page has no sub-pages yet: its customer type has no entries.</p>}
      {page.subPages.map((sub) => (
        <SubPageForm
          key={`${sub.id}:${sub.version}`}
          sub={sub}
          pageSlug={page.slug}
          errors={errors[sub.id] ?? NO_ERRORS}
          onErrors={(e) => {
            setNotice(null);
            setErrors((all) => ({ ...all, [sub.id]: e }));
          }}
          onSaved={(message) => {
            setNotice(message);
            onReload();
          }}
          onReload={() => {
            setErrors((all) => ({ ...all, [sub.id]: NO_ERRORS }));
            onReload();
          }}
        />
      ))}
    </section>
  );
}
