import pg from "pg";

/** A pool on the server's maintenance database, for CREATE/DROP DATABASE. */
export function adminPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2 });
}

export function templateDatabaseName(): string {
  return `portico_tmpl_${process.pid}`;
}
