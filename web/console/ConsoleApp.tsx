// The console: the session gate, then the screen the path names.
import { usePathname } from "../src/router.js";
import { matchConsoleRoute } from "./routes.js";
import { SCREENS } from "./screens.js";
import { SessionGate } from "./session/SessionGate.js";

export function ConsoleApp() {
  const pathname = usePathname();
  const route = matchConsoleRoute(pathname);
  return <SessionGate pathname={pathname}>{SCREENS[route.name](route.params)}</SessionGate>;
}
