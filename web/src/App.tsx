import { Embed } from "./components/Embed.js";
import { Home } from "./components/Home.js";
import { NotFound } from "./components/NotFound.js";
import { PageRoute } from "./components/PageRoute.js";
import { SubPageView } from "./components/SubPageView.js";
import { matchRoute, usePathname } from "./router.js";

export function App() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case "home":
      return <Home />;
    case "page":
      return <PageRoute key={route.page} page={route.page} />;
    case "subPage":
      return <SubPageView key={`${route.page}/${route.subPage}`} page={route.page} subPage={route.subPage} />;
    case "embed":
      return <Embed page={route.page} />;
    case "notFound":
      return <NotFound />;
  }
}
