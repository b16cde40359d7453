import fs from "node:fs";
import path from "node:path";
import {
  API_TYPES_FILE,
  buildOpenApiDocument,
  generateApiTypes,
  lintOpenApiDocumentAloud,
} from "../http/openapi-document.ts";
import { commandLine } from "./args.ts";

const usage = `
Usage: npm run openapi -- [--out FILE]
       npm run openapi:lint
       npm run openapi:types [-- --check]

Builds the API's OpenAPI document in-process, from the route declarations (no database, no
server started): the same document /api/docs/json serves, with http://localhost:3000 as its
server.

Options:
  --out FILE   write the document to FILE instead of printing it
  --lint       lint it with Redocly's recommended rules (redocly.yaml); exits 1 on any error
  --types      write the API's TypeScript types to contracts/src/openapi.ts (openapi-typescript)
  --check      with --types: write nothing, exit 1 if contracts/src/openapi.ts is out of date
  -h, --help   show this help
`;

const options = commandLine(usage, {
  out: { type: "string" },
  lint: { type: "boolean" },
  types: { type: "boolean" },
  check: { type: "boolean" },
});

const document = await buildOpenApiDocument();
if (options.lint) {
  process.exit(await lintOpenApiDocumentAloud(document));
} else if (options.types) {
  const types = await generateApiTypes(document);
  const current = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, "utf8") : "";
  const relative = path.relative(process.cwd(), API_TYPES_FILE);
  if (options.check) {
    if (current !== types) {
      process.stderr.write(`${relative} is out of date: run npm run openapi:types\n`);
      process.exit(1);
    }
    process.stdout.write(`${relative} is up to date.\n`);
  } else if (current === types) {
    process.stdout.write(`${relative} is up to date.\n`);
  } else {
    fs.writeFileSync(API_TYPES_FILE, types);
    process.stdout.write(`Wrote ${relative}.\n`);
  }
} else if (options.out) {
  fs.writeFileSync(options.out, `${JSON.stringify(document, null, 2)}\n`);
} else {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
