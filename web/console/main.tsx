// The operator console's entry, loaded only at /console: the public page's
// entry never imports anything under web/console.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Provider } from "urql";
import { createUrqlClient } from "../src/client.js";
import { ConsoleApp } from "./ConsoleApp.js";
import { followSystemColorScheme } from "./ui/color-scheme.js";
// The public page's styles first, so public components look exactly as viewers see them.
import "../src/styles.css";
import "./console.css";

followSystemColorScheme();
const client = createUrqlClient();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Provider value={client}>
      <ConsoleApp />
    </Provider>
  </StrictMode>,
);
