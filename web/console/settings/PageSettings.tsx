// /console/pages/:id/settings — change a status page (title, URL, theming,
// images, components; a customer page's sub-pages) or delete it. Editors and
// above; every change is made from the version loaded, so a concurrent edit is
// refused with what changed, and Reload shows it.
import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { EDITOR } from "../setup/NewStatusPage.js";
import { SetupCatalogQuery } from "../setup/StatusPageSetup.graphql.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { RequireRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { DeletePage } from "./DeletePage.js";
import { PageDetailsForm } from "./PageDetailsForm.js";
import { PageSettingsQuery, type SettingsPage } from "./PageSettings.graphql.js";
import { SubPageSettings } from "./SubPageSettings.js";
import "./settings.css";

function SettingsForms({ page, reload }: { page: SettingsPage; reload: () => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [catalog] = useQuery({ query: SetupCatalogQuery, pause: page.kind !== "PUBLIC" });
  return (
    <>
      {notice && <p role="status">{notice}</p>}
      <PageDetailsForm
        // A new version (saved here, or reloaded after someone else's change) starts the form afresh.
        key={page.version}
        page={page}
        catalog={catalog.data?.catalogTypes ?? []}
        errors={errors}
        onErrors={(e) => {
          setNotice(null);
          setErrors(e);
        }}
        onSaved={(message) => {
          setNotice(message);
          reload();
        }}
        onReload={() => {
          setErrors(NO_ERRORS);
          reload();
        }}
      />
      {page.kind === "CUSTOMER" && <SubPageSettings page={page} onReload={reload} />}
      <DeletePage page={page} onReload={reload} />
    </>
  );
}

function Settings({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: PageSettingsQuery, variables: { id } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const page = result.data?.statusPageById;
  if (result.data && !page) return <ConsoleNotFound what="This status page" />;
  return (
    <ConsoleLayout title={page ? `Settings · ${page.title}` : "Page settings"} section="pages">
      <p>
        <Link href={consolePath("pages", id)}>Back to the page</Link>
      </p>
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {page && <SettingsForms page={page} reload={reload} />}
    </ConsoleLayout>
  );
}

/** The settings screen of the page with `id`; lower roles than editor are told they may not change pages. */
export function PageSettings({ id }: { id: string }) {
  return (
    <RequireRole
      role={EDITOR}
      fallback={
        <ConsoleLayout title="Access denied" section="pages">
          <p role="alert">Your role does not allow changing status pages.</p>
          <p>
            <Link href={consolePath("pages", id)}>Back to the page</Link>
          </p>
        </ConsoleLayout>
      }
    >
      <Settings id={id} />
    </RequireRole>
  );
}
