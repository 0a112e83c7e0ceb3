import { Link } from "../router.js";
import { Layout } from "./Layout.js";

export function NotFound() {
  return (
    <Layout title="Page not found">
      <h2>There is no status page here</h2>
      <p>
        Check the address, or see <Link href="/">all status pages</Link>.
      </p>
    </Layout>
  );
}
