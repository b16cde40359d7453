// The stylesheets are linked from the page itself (Vite puts the entry's CSS in index.html), so
// they are in before the first paint; the app's script comes from boot.tsx.
import type { FirstPage } from "@portico/contracts/first-pages";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/layout.css";

/** The chunk of each page the build writes out (prerender.tsx), fetched beside the app's own. */
const WRITTEN_PAGES: Record<FirstPage, () => Promise<unknown>> = {
  landing: () => import("./routes/LandingPage"),
  "sign-in": () => import("./features/identity/SignInPage"),
};

/** Resolves once the browser has painted the next frame (at once in a hidden tab, which paints none). */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState === "hidden") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// The landing and sign-in pages arrive already written and show as soon as the stylesheet is in:
// their script (about 70 KB compressed, in some 40 files) is fetched only once that has been
// painted, so on a slow connection it never holds the first paint back. Any other page is drawn
// by the script, which the page preloads.
const written = document.getElementById("root")?.dataset.prerendered;
if (written !== undefined) await afterNextPaint();
await Promise.all([import("./boot"), WRITTEN_PAGES[written as FirstPage]?.()]);
