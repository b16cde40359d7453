type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Good morning, Alex" by the hour on the person's own clock. */
export function greeting(name: string, t: Translate, now: Date = new Date()): string {
  const hour = now.getHours();
  const part = hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
  return t(`home.greeting.${part}`, { name });
}

export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}
