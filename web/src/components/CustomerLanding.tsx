// /<customer-page>: the sub-pages the signed-in viewer may see, or the sign-in form.
import { Link } from "../router.js";
import type { PageShell } from "./PublicPage.graphql.js";
import { useViewer } from "../viewer.js";
import { Layout } from "./Layout.js";
import { SignInForm, SignOutButton } from "./SignIn.js";
import { LoadError, Loading } from "./States.js";

export function CustomerLanding({ shell }: { shell: PageShell }) {
  const { viewer, error, fetching } = useViewer();
  const prefix = `/${shell.slug}/`;
  // A session belongs to one customer page; links to another page's sub-pages do not belong here.
  const signedIn = viewer?.kind === "VIEWER";
  const subPages = signedIn ? viewer.subPages.filter((s) => s.url.startsWith(prefix)) : [];
  return (
    <Layout shell={shell} actions={signedIn && <SignOutButton page={shell.slug} />}>
      {fetching ? (
        <Loading what="your access" />
      ) : error && !viewer ? (
        <LoadError what="your access" error={error} />
      ) : subPages.length > 0 ? (
        <section aria-labelledby="your-pages">
          <h2 id="your-pages">Your status pages</h2>
          <p>Signed in as {viewer?.email}.</p>
          <ul className="page-list">
            {subPages.map((s) => (
              <li key={s.slug}>
                <Link href={s.url}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <>
          {signedIn && <p className="notice">You are signed in as {viewer.email}, which may see no status pages here.</p>}
          <SignInForm page={shell.slug} title={shell.title} />
        </>
      )}
    </Layout>
  );
}
