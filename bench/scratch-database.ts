import pg from "pg";

/** A database created for one bench run on the PostgreSQL server another URL points at. */
export interface ScratchDatabase {
  /** the URL of the new database */
  url: string;
  /** drops it, closing whatever is still connected */
  drop(): Promise<void>;
}

/** Runs one statement on the database `url` names, on a connection of its own. */
async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates the database `name` next to the one `serverUrl` names (which it connects to for that). */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
