import type { IncomingMessage, ServerResponse } from "node:http";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { errorResponses } from "@portico/contracts";
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from "fastify";
import type { TSchema } from "typebox";
import type { App } from "../../app.ts";
import { ACCEPTED_UPLOAD_TYPES, MAX_FILE_BYTES } from "./content-check.ts";

/** A body one byte over the file limit still reaches the upload, which then answers 413 itself. */
export const UPLOAD_BODY_LIMIT = MAX_FILE_BYTES + 1;

/** An upload's answers: what was stored (201), or too large (413) or not a type taken (415). */
export const uploadResponses = <T extends TSchema>(created: T) => ({
  ...errorResponses,
  201: created,
  413: errorResponses[400],
  415: errorResponses[400],
});

/**
 * An upload route's body limit and schema, answering with `created`; the raw body is not described,
 * its type being decided by the content.
 */
export const uploadRoute = <S extends { tags: string[]; summary: string }, T extends TSchema>(
  schema: S,
  created: T,
) => ({
  bodyLimit: UPLOAD_BODY_LIMIT,
  schema: { ...schema, response: uploadResponses(created) },
});

/** The raw body's bytes (none when the parser gave no buffer). */
export const uploadedBytes = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** The scope upload routes are declared in: the app's, with the raw-body parser. */
export type UploadScope = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * Registers upload routes in a scope of their own, where the raw-body parser takes the accepted
 * types: raw bytes up to 10 MB on these routes only; the stored type is then decided by the content.
 */
export async function registerUploadRoutes(app: App, routes: (scoped: UploadScope) => void): Promise<void> {
  await app.register(async (instance) => {
    const scoped = instance.withTypeProvider<TypeBoxTypeProvider>();
    scoped.addContentTypeParser(
      [...ACCEPTED_UPLOAD_TYPES],
      { parseAs: "buffer", bodyLimit: UPLOAD_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    routes(scoped);
  });
}
