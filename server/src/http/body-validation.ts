import { AjvCompiler, type ValidatorFactory } from "@fastify/ajv-compiler";

/**
 * Query strings, path parameters and headers arrive as text, so their schemas coerce ("5" → 5).
 * A JSON body already carries its types: coercing it turns `false` into "false" and `null`
 * into "" wherever a schema accepts several types (the first alternative that coerces wins),
 * so bodies are validated exactly as sent.
 */
export const validatorFactory: ValidatorFactory = (externalSchemas, options) => {
  const coercing = AjvCompiler()(externalSchemas, options);
  const exact = AjvCompiler()(externalSchemas, {
    ...options,
    customOptions: { ...options?.customOptions, coerceTypes: false },
  } as typeof options);
  return (route) => (route.httpPart === "body" ? exact : coercing)(route);
};
