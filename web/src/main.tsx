import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { sessionEnded } from "./app/auth-actions";
import { queryClient } from "./app/query-client";
import { router } from "./app/router";
import { initI18n } from "./i18n";
import { setApiHooks } from "./lib/api";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/layout.css";

setApiHooks({ onSessionExpired: () => sessionEnded("expired") });

await initI18n();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
