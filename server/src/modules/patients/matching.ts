/**
 * Name, phone and date matching for duplicate detection and search. Pure functions; the same
 * normalisation as the database's `portico_normalize_text` (0006_registration.sql).
 */

/** Lower case, accents removed, punctuation to spaces, spaces collapsed: "José  O'Brien" → "jose o brien". */
export function normalizeText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The last ten digits ("+1 (555) 201-0101" → "5552010101"), or null without any digits. */
export function phoneDigits(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/\D/g, "").slice(-10);
  return digits.length > 0 ? digits : null;
}

export function normalizeEmail(value: string | null | undefined): string | null {
  return value ? value.trim().toLowerCase() : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] as number;
}

/** Typos tolerated for a name of this length: none for very short names, one, then two. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 8) return 1;
  return 2;
}

/** Two normalised names that differ only by a typo (or by spaces: "de la cruz" / "delacruz"). */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return true;
  const compactA = a.replace(/ /g, "");
  const compactB = b.replace(/ /g, "");
  if (compactA === compactB) return true;
  return damerauLevenshtein(compactA, compactB) <= tolerance(Math.min(compactA.length, compactB.length));
}

/** Common English and Spanish short forms; each group is one name. */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ["alexander", "alexandra", "alex", "alejandro", "alejandra", "sandy", "lex", "xander"],
  ["robert", "rob", "bob", "bobby", "robbie", "roberto", "beto"],
  ["william", "will", "bill", "billy", "liam", "willy", "guillermo", "memo"],
  ["richard", "rick", "ricky", "dick", "rich", "ricardo"],
  ["james", "jim", "jimmy", "jamie", "diego", "santiago"],
  ["john", "jack", "johnny", "jon", "juan"],
  ["joseph", "joe", "joey", "jose", "pepe"],
  ["margaret", "maggie", "meg", "peggy", "marge", "margarita"],
  ["elizabeth", "liz", "beth", "betty", "eliza", "lisa", "libby", "isabel"],
  ["katherine", "catherine", "kathryn", "kate", "katie", "kathy", "cathy", "kat", "catalina"],
  ["michael", "mike", "mikey", "mick", "miguel"],
  ["christopher", "chris", "kit", "cristobal"],
  ["christine", "christina", "chris", "tina", "cristina"],
  ["samuel", "sam", "sammy"],
  ["samantha", "sam", "sammy"],
  ["daniel", "dan", "danny"],
  ["david", "dave", "davy"],
  ["thomas", "tom", "tommy", "tomas"],
  ["anthony", "tony", "antonio", "toni"],
  ["francisco", "paco", "pancho", "frank", "francis"],
  ["jennifer", "jen", "jenny"],
  ["patricia", "pat", "patty", "trish"],
  ["patrick", "pat", "paddy"],
  ["edward", "ed", "eddie", "ted", "ned", "eduardo", "lalo"],
  ["benjamin", "ben", "benny"],
  ["nicholas", "nick", "nico", "nicolas"],
  ["stephen", "steven", "steve", "esteban"],
  ["jessica", "jess", "jessie"],
  ["rebecca", "becky", "becca"],
  ["susan", "sue", "susie", "suzanne"],
  ["deborah", "debra", "deb", "debbie"],
  ["victoria", "vicky", "tori"],
  ["andrew", "andy", "drew", "andres"],
  ["jonathan", "jon", "jonny"],
  ["matthew", "matt", "mateo"],
  ["gregory", "greg"],
  ["timothy", "tim", "timmy"],
  ["maria", "mary", "mari", "marie"],
  ["guadalupe", "lupe", "lupita"],
  ["dolores", "lola"],
  ["concepcion", "concha", "conchita"],
  ["ignacio", "nacho"],
  ["enrique", "kike", "henry", "hank", "harry"],
];

const nicknameIndex = new Map<string, Set<number>>();
NICKNAME_GROUPS.forEach((group, index) => {
  for (const name of group) {
    const groups = nicknameIndex.get(name) ?? new Set<number>();
    groups.add(index);
    nicknameIndex.set(name, groups);
  }
});

/** "Bob" and "Robert", "Pepe" and "José": the same given name in a short or other form. */
export function nicknameMatch(a: string, b: string): boolean {
  const first = (name: string) => name.split(" ")[0] ?? "";
  const left = nicknameIndex.get(first(a));
  const right = nicknameIndex.get(first(b));
  if (!left || !right) return false;
  for (const group of left) if (right.has(group)) return true;
  return false;
}

/**
 * Dates of birth that differ by one mistyped digit or by day and month swapped (valid dates
 * only): the dates a duplicate's birth date is searched among besides its own.
 */
export function nearbyBirthDates(dateOfBirth: string): string[] {
  const out = new Set<string>();
  const [y, m, d] = dateOfBirth.split("-");
  if (y && m && d && m !== d) out.add(`${y}-${d}-${m}`);
  const digits = dateOfBirth.replace(/-/g, "");
  for (let i = 0; i < digits.length; i++) {
    for (let v = 0; v <= 9; v++) {
      const changed = `${digits.slice(0, i)}${v}${digits.slice(i + 1)}`;
      if (changed !== digits) out.add(`${changed.slice(0, 4)}-${changed.slice(4, 6)}-${changed.slice(6)}`);
    }
  }
  return [...out].filter(isValidDate).sort();
}

export function isValidDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1850 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "1984-03-02", "03/02/1984", "3/2/1984", "03-02-1984" (month first, US style) → "1984-03-02". */
export function parseBirthDate(input: string): string | undefined {
  const value = input.trim();
  let iso: string | undefined;
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]?.padStart(2, "0")}-${isoMatch[3]?.padStart(2, "0")}`;
  const usMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (usMatch) iso = `${usMatch[3]}-${usMatch[1]?.padStart(2, "0")}-${usMatch[2]?.padStart(2, "0")}`;
  return iso && isValidDate(iso) ? iso : undefined;
}

export function maskPhone(phone: string | null): string | null {
  const digits = phoneDigits(phone);
  if (!digits) return null;
  return `•••-•••-${digits.slice(-4)}`;
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.split("@");
  if (!local || !domain) return "•••";
  return `${local[0]}•••@${domain}`;
}

export interface PersonFacts {
  givenName: string;
  familyName: string;
  preferredName?: string | null;
  dateOfBirth: string;
  sex: string;
  phone?: string | null;
  email?: string | null;
}

export type MatchReason =
  | "name"
  | "similar_name"
  | "nickname"
  | "date_of_birth"
  | "similar_date_of_birth"
  | "phone"
  | "email";

/**
 * Is `existing` probably the same person as `entered`? Returns why, or null.
 *
 * A probable duplicate needs the birth date (exact, or one digit off / day and month swapped
 * with a matching phone or email) AND a matching family name AND a given name that is the
 * same, a typo of it, the same name in another form (nickname), or the preferred name. Twins
 * (same birth date and family name, different given names) and namesakes (same name, other
 * birth date and contacts) are not matched. A one-letter difference between given names of
 * people of different recorded sex ("Mark"/"Mary") is not taken for a typo.
 */
export function duplicateReasons(entered: PersonFacts, existing: PersonFacts): MatchReason[] | null {
  const reasons: MatchReason[] = [];
  const sameDob = entered.dateOfBirth === existing.dateOfBirth;
  const nearDob = !sameDob && nearbyBirthDates(entered.dateOfBirth).includes(existing.dateOfBirth);
  const enteredPhone = phoneDigits(entered.phone);
  const samePhone = enteredPhone !== null && enteredPhone === phoneDigits(existing.phone);
  const enteredEmail = normalizeEmail(entered.email);
  const sameEmail = enteredEmail !== null && enteredEmail === normalizeEmail(existing.email);
  if (!sameDob && !nearDob) return null;

  const givenA = normalizeText(entered.givenName);
  const familyA = normalizeText(entered.familyName);
  const givenB = normalizeText(existing.givenName);
  const familyB = normalizeText(existing.familyName);
  const preferredA = entered.preferredName ? normalizeText(entered.preferredName) : null;
  const preferredB = existing.preferredName ? normalizeText(existing.preferredName) : null;

  // names written in the other order ("Nguyen Van An" entered as given "Van An", family "Nguyen")
  const swapped = givenA === familyB && familyA === givenB;
  const exact = (givenA === givenB && familyA === familyB) || swapped;
  const familyMatches = similarNames(familyA, familyB) || swapped;
  const sexCompatible = entered.sex === existing.sex || entered.sex === "unknown" || existing.sex === "unknown";
  const givenForms = [givenA, preferredA].filter((n): n is string => Boolean(n));
  const existingForms = [givenB, preferredB].filter((n): n is string => Boolean(n));
  const sameGivenForm = givenForms.some((a) => existingForms.includes(a));
  const typoGiven = sexCompatible && givenForms.some((a) => existingForms.some((b) => similarNames(a, b)));
  const nickname = givenForms.some((a) => existingForms.some((b) => nicknameMatch(a, b)));

  let nameReason: MatchReason | null = null;
  if (exact) nameReason = "name";
  else if (familyMatches && (sameGivenForm || typoGiven)) nameReason = "similar_name";
  else if (familyMatches && nickname) nameReason = "nickname";
  if (!nameReason) return null;
  // a nickname alone is weak: it needs the exact birth date and a shared phone or email
  if (nameReason === "nickname" && !(sameDob && (samePhone || sameEmail))) return null;
  // a birth date one digit off counts only with the exact name and a shared phone or email
  if (nearDob && !(nameReason !== "nickname" && (samePhone || sameEmail))) return null;

  reasons.push(nameReason, sameDob ? "date_of_birth" : "similar_date_of_birth");
  if (samePhone) reasons.push("phone");
  if (sameEmail) reasons.push("email");
  return reasons;
}
