import { startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App, onFirstCommit } from "./app/App";
import { sessionEnded } from "./app/auth-actions";
import { router } from "./app/router";
import { initI18n, initialLocale, loadAllStrings } from "./i18n";
import { noteEarlyInput } from "./kit/early-input";
import { setApiHooks } from "./lib/api";

// The app itself: main.tsx loads it, at once or, on a page that arrived already written, once
// that page has been painted.

setApiHooks({ onSessionExpired: () => sessionEnded("expired") });

const container = document.getElementById("root")!;
// The landing and sign-in pages arrive already written (prerender.tsx), in the language the
// server chose from the `portico_locale` cookie or the browser's languages; read before
// initI18n sets <html lang> to the reader's language.
const prerendered = container.dataset.prerendered !== undefined;
const servedLocale = document.documentElement.lang;
const locale = initialLocale();

if (prerendered) {
  // what is typed before the app has taken the page over is handed to its form (use-form.ts);
  // the page is busy (aria-busy, set by the build) until the app's first render is on screen
  noteEarlyInput(container);
  onFirstCommit(() => container.removeAttribute("aria-busy"));
}

await initI18n(locale);
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

if (prerendered && servedLocale === locale) {
  // React takes over the written page instead of drawing it again: the route's chunk (fetched
  // beside this one, main.tsx) must be in first, and the router renders as it does on the
  // server (no suspense boundary of its own around the matches). Hydrating as a transition lets
  // the browser answer input between slices of the work instead of blocking for all of it.
  router.ssr = { manifest: undefined };
  await router.load();
  startTransition(() => {
    hydrateRoot(container, <App />);
  });
} else {
  // written in the other language (a choice this device has not told the server about yet):
  // drawn again once the page's chunk is in, so the written page stays until then
  if (prerendered) await router.load();
  createRoot(container).render(<App />);
}
