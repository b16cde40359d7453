/**
 * Scale data for the patient-search benchmark: 100,000 realistic patient charts (SPEC §6).
 *
 *   BENCH_DATABASE_URL=postgres://…/portico_bench_patients node bench/generate-patients.ts
 *   node bench/generate-patients.ts --data-dir /tmp/portico-bench-patients   # PGlite
 *
 * Migrates the database first, then inserts charts in batches of 5,000 rows (one
 * `INSERT … SELECT FROM unnest(…)` per batch). Every row is derived from its index by a seeded
 * generator, so runs are reproducible; rows carry `registration_source = 'import'`, and a
 * second run counts them and only adds what is missing (an interrupted run resumes).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import { type DatabaseHandle, openDatabase } from "../server/src/db/database.ts";
import { migrateToLatest } from "../server/src/db/migrate.ts";
import type { DB } from "../server/src/db/schema.ts";
import { readFlags } from "./cli.ts";

export const DEFAULT_PATIENT_COUNT = 100_000;
const BATCH_SIZE = 5_000;

/** A comma-separated list (names may contain spaces: "de la Cruz"). */
const list = (text: string) =>
  text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);

// ---- names: English, Spanish (with accents) and others; family names include two-part ones ----

export const GIVEN_NAMES = list(`
  James, Mary, John, Patricia, Robert, Jennifer, Michael, Linda, William, Elizabeth, David,
  Barbara, Richard, Susan, Joseph, Jessica, Thomas, Sarah, Charles, Karen, Christopher, Nancy,
  Daniel, Lisa, Matthew, Betty, Anthony, Margaret, Mark, Sandra, Donald, Ashley, Steven, Kimberly,
  Paul, Emily, Andrew, Donna, Joshua, Michelle, Kenneth, Dorothy, Kevin, Carol, Brian, Amanda,
  George, Melissa, Timothy, Deborah, Ronald, Stephanie, Edward, Rebecca, Jason, Sharon, Jeffrey,
  Laura, Ryan, Cynthia, Jacob, Kathleen, Gary, Amy, Nicholas, Angela, Eric, Shirley, Jonathan,
  Anna, Stephen, Brenda, Larry, Pamela, Justin, Emma, Scott, Nicole, Brandon, Helen, Benjamin,
  Samantha, Samuel, Katherine, Gregory, Christine, Alexander, Debra, Frank, Rachel, Patrick,
  Carolyn, Raymond, Janet, Jack, Catherine, Dennis, Maria, Jerry, Heather, Tyler, Diane, Aaron,
  Ruth, Henry, Julie, Adam, Olivia, Nathan, Joyce, Zachary, Virginia, Walter, Victoria, Kyle,
  Kelly, Harold, Lauren, Carl, Christina, Jordan, Taylor, Morgan, Casey, Riley, Avery, Quinn,
  Jamie, Alex, Sam,
  José, María, Jesús, Guadalupe, Juan, Ana, Luis, Sofía, Carlos, Lucía, Miguel, Valentina,
  Alejandro, Camila, Andrés, Isabel, Ángel, Verónica, Raúl, Inés, Adrián, Mónica, Sebastián,
  Beatriz, Martín, Begoña, Joaquín, Rocío, Iñigo, Leticia, Julián, Natalia, Tomás, Ximena, Rubén,
  Dolores, Óscar, Pilar, Héctor, Consuelo, Fernando, Marisol, Ramón, Estefanía, Nicolás, Graciela,
  Germán, Teresa, Ignacio, Yolanda, Cristóbal, Araceli, Agustín, Noemí, Efraín, Maite, Jonás,
  Itzel, Gonzalo, Zoé,
  Wei, Mei, Hiroshi, Yuki, Priya, Arjun, Aisha, Omar, Fatima, Mohammed, Chidi, Ngozi, Kwame, Amara,
  Dmitri, Olga, François, Zoë, Søren, Björn, Noah, Liam, Ethan, Mia, Chloé, Léa, Renée, André,
  Siobhán, Seán
`);

export const FAMILY_NAMES = list(`
  Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore,
  Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen,
  King, Wright, Scott, Hill, Green, Adams, Baker, Nelson, Carter, Mitchell, Roberts, Turner,
  Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Murphy, Cook, Rogers,
  Morgan, Peterson, Cooper, Reed, Bailey, Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson,
  Brooks, Bennett, Gray, James, Hughes, Price, Sanders, Myers, Long, Ross, Foster, Powell, Jenkins,
  Perry, Russell, Sullivan, Fisher, Henderson, Coleman, Simmons, Patterson, Jordan, Reynolds,
  Hamilton, Graham, Wallace, Woods, Cole, West, Owens, O'Brien, O'Connor, McDonald, MacLeod,
  Fitzgerald, Rivera, Okafor, Lindqvist, Nguyen, Kim,
  García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres, Flores,
  Gómez, Díaz, Reyes, Cruz, Morales, Ortiz, Gutiérrez, Chávez, Ramos, Ruiz, Álvarez, Mendoza,
  Vásquez, Castillo, Jiménez, Moreno, Romero, Herrera, Medina, Aguilar, Vargas, Castro, Guzmán,
  Fernández, Muñoz, Núñez, Peña, Ibáñez, Domínguez, Velázquez, Márquez, Suárez, Benítez, Cortés,
  Ordóñez, Quiñones, Valdés, Zúñiga, Cárdenas, de la Cruz, del Río, de León, Santa María, Mejía,
  Sepúlveda, Echeverría, Espinoza, Delgado, Salazar,
  Wang, Li, Zhang, Chen, Tanaka, Suzuki, Patel, Singh, Khan, Ali, Adeyemi, Mensah, Ivanov, Petrova,
  Müller, Schröder, Dubois, Lefèvre, Rossi, Bianchi, Kowalski, Nowak, Andersson, Johansson,
  van der Berg, Van Buren, O'Sullivan, Ó Briain, Silva, Costa
`);

const STREETS = list(`
  Main St, Oak Ave, Maple Dr, Cedar Ln, Elm St, Pine Rd, Washington Ave, Lake St, Hill Rd,
  Park Ave, Sunset Blvd, Calle Real, Avenida Juárez, River Rd, Church St, Mill Ln, Highland Ave
`);
const CITIES: [string, string, string][] = [
  ["Boston", "MA", "02118"],
  ["Cambridge", "MA", "02139"],
  ["New York", "NY", "10027"],
  ["Brooklyn", "NY", "11215"],
  ["Chicago", "IL", "60614"],
  ["Evanston", "IL", "60201"],
  ["Houston", "TX", "77002"],
  ["San Antonio", "TX", "78205"],
  ["Miami", "FL", "33130"],
  ["Orlando", "FL", "32801"],
  ["Newark", "NJ", "07102"],
  ["Providence", "RI", "02903"],
];
const AREA_CODES = ["617", "857", "212", "718", "646", "312", "773", "847", "713", "210", "305", "407", "973", "401"];
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com"];

/** mulberry32: a small seeded generator, one per row, so row i is the same on every run. */
function rowRandom(index: number): () => number {
  let a = (Math.imul(index + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const asciiFold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

export interface GeneratedPatient {
  given: string;
  family: string;
  preferred: string | null;
  dateOfBirth: string;
  sex: "female" | "male" | "other" | "unknown";
  phone: string | null;
  email: string | null;
  address: string;
  language: "en" | "es";
  status: "active" | "pending_verification";
}

/** The chart for row `index`, relative to `today` ("YYYY-MM-DD"). Pure and deterministic. */
export function generatePatient(index: number, today: string): GeneratedPatient {
  const random = rowRandom(index);
  const given = pick(random, GIVEN_NAMES);
  const shape = random();
  let family = pick(random, FAMILY_NAMES);
  if (shape < 0.08)
    family = `${family}-${pick(random, FAMILY_NAMES)}`; // hyphenated
  else if (shape < 0.18) family = `${family} ${pick(random, FAMILY_NAMES)}`; // two-part (Spanish style)
  const preferred = random() < 0.12 ? pick(random, GIVEN_NAMES) : null;
  const ageDays = Math.floor(random() * 36_525); // 0–100 years
  const dob = new Date(Date.parse(`${today}T00:00:00Z`) - ageDays * 86_400_000).toISOString().slice(0, 10);
  const sexRoll = random();
  const sex = sexRoll < 0.49 ? "female" : sexRoll < 0.97 ? "male" : sexRoll < 0.99 ? "other" : "unknown";
  const area = pick(random, AREA_CODES);
  const exchange = `${2 + Math.floor(random() * 8)}${digits(random, 2)}`;
  const line = digits(random, 4);
  const format = random();
  const phone =
    format < 0.05
      ? null
      : format < 0.55
        ? `(${area}) ${exchange}-${line}`
        : format < 0.85
          ? `${area}-${exchange}-${line}`
          : `+1 ${area} ${exchange} ${line}`;
  const email =
    random() < 0.15 ? null : `${asciiFold(given)}.${asciiFold(family)}${index % 1000}@${pick(random, EMAIL_DOMAINS)}`;
  const [city, region, postalCode] = pick(random, CITIES);
  const address = JSON.stringify({
    line1: `${1 + Math.floor(random() * 9_899)} ${pick(random, STREETS)}`,
    ...(random() < 0.2 ? { line2: `Apt ${1 + Math.floor(random() * 40)}` } : {}),
    city,
    region,
    postalCode,
    country: "US",
  });
  const language = random() < 0.25 ? "es" : "en";
  const status = random() < 0.01 ? "pending_verification" : "active";
  return { given, family, preferred, dateOfBirth: dob, sex, phone, email, address, language, status };
}

export interface GenerateOptions {
  count?: number;
  /** "YYYY-MM-DD" the ages are counted from; defaults to today */
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Inserts charts until `count` generated charts exist; returns how many it added. */
export async function generatePatients(db: Kysely<DB>, options: GenerateOptions = {}): Promise<number> {
  const count = options.count ?? DEFAULT_PATIENT_COUNT;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int8 as n from patients where registration_source = 'import'`.execute(db);
  const existing = Number(rows[0]?.n ?? 0);
  for (let start = existing; start < count; start += BATCH_SIZE) {
    const end = Math.min(start + BATCH_SIZE, count);
    const batch = Array.from({ length: end - start }, (_, i) => generatePatient(start + i, today));
    const column = <K extends keyof GeneratedPatient>(key: K) => batch.map((p) => p[key]);
    await sql`
      insert into patients (mrn, legal_given_name, legal_family_name, preferred_name, date_of_birth, sex, phone,
        email, address, preferred_language, status, registration_source, verified_at, created_at, updated_at)
      select 'P' || nextval('patient_mrn_seq'), r.given, r.family, r.preferred, r.dob, r.sex, r.phone, r.email,
        r.address::jsonb, r.language, r.status, 'import', case when r.status = 'active' then now() end, now(), now()
      from unnest(${column("given")}::text[], ${column("family")}::text[], ${column("preferred")}::text[],
        ${column("dateOfBirth")}::date[], ${column("sex")}::text[], ${column("phone")}::text[], ${column("email")}::text[],
        ${column("address")}::text[], ${column("language")}::text[], ${column("status")}::text[])
        as r(given, family, preferred, dob, sex, phone, email, address, language, status)`.execute(db);
    options.onProgress?.(end, count);
  }
  if (count > existing) await sql`analyze patients`.execute(db);
  return Math.max(0, count - existing);
}

/** BENCH_DATABASE_URL (PostgreSQL) or a PGlite data directory (its `pglite` folder, as the server uses). */
export async function openBenchDatabase(target: { url?: string; dataDir?: string }): Promise<DatabaseHandle> {
  if (target.url) return openDatabase({ kind: "postgres", url: target.url, poolSize: 4 });
  if (!target.dataDir) throw new Error("give BENCH_DATABASE_URL or --data-dir");
  return openDatabase({ kind: "pglite", dataDir: path.join(target.dataDir, "pglite") });
}

async function main(argv: string[]): Promise<void> {
  let count = DEFAULT_PATIENT_COUNT;
  let dataDir: string | undefined;
  readFlags(
    argv,
    [
      "Usage: node bench/generate-patients.ts [--count 100000] [--data-dir DIR]",
      "",
      "Adds generated patient charts until --count exist (idempotent; resumes an interrupted run).",
      "Database: BENCH_DATABASE_URL=postgres://… (PostgreSQL), else PGlite in DIR/pglite",
      "(default /tmp/portico-bench-patients, the directory `npm run bench:patients` uses).",
      "",
    ],
    (flag, value) => {
      if (flag === "--count") count = Number(value());
      else if (flag === "--data-dir") dataDir = value();
      else return false;
      return true;
    },
    (message) => {
      throw new Error(message);
    },
  );
  if (!Number.isInteger(count) || count < 1) throw new Error("--count needs a whole number ≥ 1");
  const url = process.env.BENCH_DATABASE_URL?.trim() || undefined;
  const database = await openBenchDatabase({ url, dataDir: dataDir ?? "/tmp/portico-bench-patients" });
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    const added = await generatePatients(database.db, {
      count,
      onProgress: (done, total) =>
        process.stdout.write(`\r${done.toLocaleString("en")} / ${total.toLocaleString("en")}`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      added > 0 ? `\nAdded ${added.toLocaleString("en")} patients in ${seconds} s.\n` : "Already generated.\n",
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`generate-patients: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
