export * from "./audit.ts";
export * from "./clinic.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./identity.ts";
export * from "./patients.ts";
export * from "./proxies.ts";
export * from "./scheduling.ts";
