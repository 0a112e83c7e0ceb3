// The entry: a small chunk (urql and the first screen's documents) that starts
// fetching data at once, then the React chunk, which the HTML already preloads.
import { createUrqlClient } from "./client.js";
import { prefetchRoute } from "./prefetch.js";
import "./styles.css";

const client = createUrqlClient();
prefetchRoute(client, window.location.pathname);
void import("./root.js").then(({ mount }) => mount(client, document.getElementById("root")!));
