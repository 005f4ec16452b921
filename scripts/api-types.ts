// npm run api:types: writes the console's API types (apps/web/src/api/openapi.generated.ts) from the api's
// route schemas. Run it after changing a route's schema; commit the result.
import { writeFile } from "node:fs/promises";
import { API_TYPES_FILE, renderApiTypes } from "./lib/api-types.ts";

await writeFile(API_TYPES_FILE, await renderApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
