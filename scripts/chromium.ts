/** The headless Chromium that the browser tests and `npm run web:metrics` drive (installed as a system package). */
export const CHROMIUM = "/usr/bin/chromium";

/** Its flags: no sandbox (containers run as root), no GPU, and nothing that reaches beyond loopback (updates, sync, QUIC probes). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
