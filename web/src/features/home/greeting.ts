type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Good morning, Alex" by the hour on the person's own clock. */
export function greeting(name: string, t: Translate, now: Date = new Date()): string {
  const hour = now.getHours();
  const part = hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
  return t(`home.greeting.${part}`, { name });
}

/** Titles written before a name ("Dr. Chidi Okafor", "Dra. Ana Ruiz"), compared without the dot. */
const TITLES = new Set(["dr", "dra", "prof", "mr", "mrs", "ms", "mx", "sr", "sra", "srta"]);

/**
 * The name to greet someone by: the first name ("Alex Rivera" → "Alex"), or, when the name
 * starts with a title, the title and the family name ("Dr. Chidi Okafor" → "Dr. Okafor") —
 * never a title on its own.
 */
export function firstName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return displayName.trim();
  const [first, ...rest] = words as [string, ...string[]];
  if (!TITLES.has(first.replace(/\.$/, "").toLowerCase())) return first;
  const last = rest.at(-1);
  return last ? `${first} ${last}` : displayName.trim();
}
