import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Provider, type Client } from "urql";
import { App } from "./App.js";

export function mount(client: Client, container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <Provider value={client}>
        <App />
      </Provider>
    </StrictMode>,
  );
}
