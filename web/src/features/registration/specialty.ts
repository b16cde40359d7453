type T = (key: string, options?: Record<string, unknown>) => string;

/** "family_medicine" → "Family medicine" (translated when the specialty is a common one). */
export function specialtyLabel(specialty: string, t: T): string {
  const fallback = specialty.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return t(`specialties.${specialty}`, { defaultValue: fallback });
}
