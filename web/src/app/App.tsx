import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode, useEffect } from "react";
import { queryClient } from "./query-client";
import { router } from "./router";

let firstCommit: (() => void) | undefined;

/** Runs `callback` once, when the app's first render is on screen (hydrated or drawn). */
export function onFirstCommit(callback: () => void): void {
  firstCommit = callback;
}

/** The whole app, as the browser renders it and as the build prerenders the first pages (prerender.tsx). */
export function App() {
  // the outermost component's effect runs after every other one of the first render
  useEffect(() => {
    firstCommit?.();
    firstCommit = undefined;
  }, []);
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>
  );
}
