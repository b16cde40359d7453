/**
 * Every number a request carries is finite. Ajv already refuses `Infinity` and `NaN` where a
 * JSON value is checked against `type: "number" | "integer"` (its `strictNumbers`), but the
 * coercion of query, path and header strings turns "1e309", "Infinity" or 400 digits into
 * `Infinity` after that check, and a `maximum` does not catch `-Infinity` (nor a schema without
 * bounds). This Ajv plugin wraps every validator Fastify compiles (query, params, headers,
 * body — every route): once the schema has passed, the validated (coerced) value is walked and
 * any non-finite number fails validation like any other schema error, so the error handler
 * answers 400 `validation_failed` naming the field.
 */

interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

interface ValidationContext {
  parentData?: unknown;
  parentDataProperty?: unknown;
}

type Check = (data: unknown, context?: ValidationContext) => unknown;

/** An Ajv validate function, as far as this plugin needs it. */
interface Validate {
  (...args: never[]): unknown;
  errors?: unknown[] | null;
}

interface AjvLike {
  compile(schema: unknown, meta?: boolean): Validate;
}

export const NOT_FINITE_MESSAGE = "must be a finite number";

const escapePointer = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** The JSON pointer of the first non-finite number in `value`, or undefined when there is none. */
export function nonFinitePath(value: unknown): string | undefined {
  // iterative, so a deeply nested body cannot exhaust the stack
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === "number") {
      if (!Number.isFinite(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}/${i}`]);
    } else if (current !== null && typeof current === "object" && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        stack.push([item, `${path}/${escapePointer(key)}`]);
      }
    }
  }
  return undefined;
}

/** The Ajv plugin (Fastify's `ajv.plugins`): every compiled validator also refuses non-finite numbers. */
export function refuseNonFiniteNumbers<A extends AjvLike>(ajv: A): A {
  const compile = ajv.compile.bind(ajv);
  (ajv as AjvLike).compile = (schema, meta) => {
    const validate = compile(schema, meta);
    const checked: Validate = Object.assign((data: unknown, context?: ValidationContext) => {
      const result = (validate as unknown as Check)(data, context);
      checked.errors = validate.errors;
      if (result !== true) return result;
      // a coerced root value is written to the parent, not to `data`
      const parent = context?.parentData as Record<string, unknown> | undefined;
      const validated =
        parent && typeof context?.parentDataProperty === "string" ? parent[context.parentDataProperty] : data;
      const path = nonFinitePath(validated);
      if (path === undefined) return true;
      const error: ValidationError = {
        instancePath: path,
        schemaPath: "#/finite",
        keyword: "finite",
        params: {},
        message: NOT_FINITE_MESSAGE,
      };
      checked.errors = [error];
      return false;
    }, validate);
    return checked;
  };
  return ajv;
}
