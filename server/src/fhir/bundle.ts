import type { Resource } from "@medplum/fhirtypes";

/** A `collection` Bundle written piece by piece: its head, each entry, its tail (for streaming). */
export const bundleHead = (id: string, timestamp: Date) =>
  `{"resourceType":"Bundle","id":${JSON.stringify(id)},"type":"collection","timestamp":${JSON.stringify(timestamp.toISOString())},"entry":[`;
export const bundleEntry = (baseUrl: string, resource: Resource) =>
  JSON.stringify({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource });
export const bundleTail = "]}";
