/**
 * Navigation for code that runs outside React components (session expiry, sign-out).
 * The router registers itself here at start-up.
 */
type Navigate = (to: string) => void;
type CurrentPath = () => string;

let navigateImpl: Navigate = (to) => window.location.assign(to);
let currentPathImpl: CurrentPath = () => window.location.pathname + window.location.search;

export function registerNavigation(navigate: Navigate, currentPath: CurrentPath): void {
  navigateImpl = navigate;
  currentPathImpl = currentPath;
}

export function navigateTo(to: string): void {
  navigateImpl(to);
}

export function currentPath(): string {
  return currentPathImpl();
}
