/**
 * What was typed into a written page's form (prerender.tsx) before the app had taken it over:
 * hydrating a controlled field sets it back to the form's state (empty), so boot.tsx notes the
 * fields' values, by name, from its start, and the form (use-form.ts) takes them when it mounts,
 * as if they had been typed then.
 */
const typed = new Map<string, string>();
let stopNoting: (() => void) | undefined;

export function noteEarlyInput(root: HTMLElement): void {
  const note = (input: HTMLInputElement) => {
    if (input.name && input.type !== "checkbox" && input.type !== "radio" && input.value !== input.defaultValue)
      typed.set(input.name, input.value);
  };
  for (const input of root.querySelectorAll("input")) note(input);
  const onInput = (event: Event) => {
    if (event.target instanceof HTMLInputElement) note(event.target);
  };
  root.addEventListener("input", onInput, true);
  stopNoting = () => root.removeEventListener("input", onInput, true);
}

/** The noted values of these fields (once: the next form finds none). */
export function takeEarlyInput(names: string[]): Record<string, string> | undefined {
  stopNoting?.();
  stopNoting = undefined;
  const found = names.filter((name) => typed.has(name)).map((name) => [name, typed.get(name) as string] as const);
  typed.clear();
  return found.length > 0 ? Object.fromEntries(found) : undefined;
}
