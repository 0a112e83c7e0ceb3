// /console/pages/new/:kind — the runbook's "Create public page" and "Create
// customer page": Page title, Status page URL (generated from the title by the
// server's own rule, editable), the customer page's catalog choices and
// sub-pages, Page setup → Create status page.
import { useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { slugify } from "../../../server/domain/slug.js";
import { navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { FieldError, fieldA11y, FormAlert } from "../ui/FieldError.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { RequireRole, type Role } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { CUSTOMER_FIELDS, CustomerFields, customerInput, EMPTY_CUSTOMER, type CustomerChoice } from "./CustomerFields.js";
import { EMPTY_SETUP, PageSetupFields, SETUP_FIELDS, setupInput, type PageSetup } from "./PageSetupFields.js";
import { CreateStatusPageMutation, SetupCatalogQuery, UPLOAD_CONTEXT } from "./StatusPageSetup.graphql.js";

/** Creating, changing and deleting status pages needs this role. */
export const EDITOR: Role = "EDITOR";

const SHOWN_FIELDS = ["input.title", "input.slug", ...SETUP_FIELDS, ...CUSTOMER_FIELDS];

/** The page's title and URL: the slug follows the title until the operator edits it. */
export function TitleFields({
  title,
  slug,
  onTitle,
  onSlug,
  errors,
}: {
  title: string;
  slug: string | null;
  onTitle: (v: string) => void;
  onSlug: (v: string) => void;
  errors: FormErrors;
}) {
  const titleId = useId();
  const slugId = useId();
  const hintId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={titleId}>Page title</label>
        <input id={titleId} value={title} onChange={(e) => onTitle(e.target.value)} {...fieldA11y(errors, "input.title")} />
        <FieldError errors={errors} field="input.title" />
      </div>
      <div className="field">
        <label htmlFor={slugId}>Status page URL</label>
        <input
          id={slugId}
          value={slug ?? slugify(title)}
          onChange={(e) => onSlug(e.target.value)}
          aria-describedby={hintId}
          {...fieldA11y(errors, "input.slug")}
        />
        <p id={hintId} className="hint">
          The page will be at /{slug ?? slugify(title)}
        </p>
        <FieldError errors={errors} field="input.slug" />
      </div>
    </>
  );
}

function NewPageForm({ customer }: { customer: boolean }) {
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState<string | null>(null);
  const [choice, setChoice] = useState<CustomerChoice>(EMPTY_CUSTOMER);
  const [setup, setSetup] = useState<PageSetup>(EMPTY_SETUP);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [catalog, refetch] = useQuery({ query: SetupCatalogQuery, pause: !customer });
  const [state, create] = useMutation(CreateStatusPageMutation);
  const types = catalog.data?.catalogTypes ?? [];

  const submit = async () => {
    const type = types.find((t) => t.id === choice.typeId);
    const input = {
      title,
      slug: slug ?? (slugify(title) || undefined),
      ...setupInput(setup),
      ...(customer ? customerInput(choice, type) : { kind: "PUBLIC" as const }),
    };
    const result = await create({ input }, UPLOAD_CONTEXT);
    const answer = result.data?.createStatusPage;
    setErrors(formErrors(answer, result.error, SHOWN_FIELDS));
    if (answer?.__typename === "StatusPage") navigate(consolePath("pages", answer.id));
  };

  if (customer && catalog.error) return <LoadFailed error={catalog.error} retry={() => refetch({ requestPolicy: "network-only" })} />;
  if (customer && !catalog.data) return <Loading />;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert errors={errors} />
      <TitleFields title={title} slug={slug} onTitle={setTitle} onSlug={setSlug} errors={errors} />
      {customer && <CustomerFields types={types} choice={choice} onChange={setChoice} errors={errors} />}
      <PageSetupFields setup={setup} onChange={setSetup} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={state.fetching}>
          Create status page
        </button>
      </div>
    </form>
  );
}

/** The create screen for a public or customer page (`kind` "public" / "customer"); editors and above. */
export function NewStatusPage({ kind }: { kind: string }) {
  if (kind !== "public" && kind !== "customer") return <ConsoleNotFound what="This kind of page" />;
  const customer = kind === "customer";
  return (
    <ConsoleLayout title={customer ? "Create customer page" : "Create public page"} section="pages">
      <RequireRole role={EDITOR} fallback={<p role="alert">Your role does not allow creating status pages.</p>}>
        <NewPageForm customer={customer} />
      </RequireRole>
    </ConsoleLayout>
  );
}
