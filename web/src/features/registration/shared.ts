import * as catalogue from "../../api/clinic";

// the person, address and insurance field rules now live with the shared fields
export * from "../../components/person/person-data";

/** the in-use catalogue (api/clinic.ts) */
export const pharmaciesQuery = catalogue.pharmaciesQuery();
export const providersQuery = catalogue.providersQuery();
