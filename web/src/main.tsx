import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { sessionEnded } from "./app/auth-actions";
import { queryClient } from "./app/query-client";
import { router } from "./app/router";
import { initI18n, loadAllStrings } from "./i18n";
import { setApiHooks } from "./lib/api";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/layout.css";

setApiHooks({ onSessionExpired: () => sessionEnded("expired") });

await initI18n();
// The landing and sign-in pages need only the common strings, so they show at once. A first
// page elsewhere waits for every feature's strings (a page may borrow a key from another
// namespace); from the landing or sign-in page, the first move elsewhere starts loading them,
// and pages re-render as they arrive (i18n/index.ts).
const isPublic = (pathname: string) => pathname === "/" || pathname.startsWith("/sign-in");
if (!isPublic(location.pathname)) await loadAllStrings();
else {
  const stop = router.subscribe("onBeforeNavigate", (event) => {
    if (isPublic(event.toLocation.pathname)) return;
    stop();
    void loadAllStrings();
  });
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
