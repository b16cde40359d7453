import { errorResponses } from "@portico/contracts";
import { type TSchema, Type } from "typebox";

/** A route's answers: `schema` with 200, and the error answers every route may give. */
export const ok = <T extends TSchema>(schema: T) => ({ ...errorResponses, 200: schema });

/** A route's answers: `schema` with 201 (something was made), and the error answers. */
export const created = <T extends TSchema>(schema: T) => ({ ...errorResponses, 201: schema });

/** A route's answers: nothing with 204, and the error answers. */
export const noContent = () => ({ ...errorResponses, 204: Type.Null() });
