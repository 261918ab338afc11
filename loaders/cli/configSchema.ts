// npm run config-schema: writes data/config.schema.json from the zod schema.
// With --check, writes nothing and fails when the committed file is stale.

import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {configJsonSchemaPath, configJsonSchemaText} from "../config/jsonSchema.js";

const text = configJsonSchemaText();
const current = existsSync(configJsonSchemaPath) ? readFileSync(configJsonSchemaPath, "utf8") : undefined;
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error(`${configJsonSchemaPath} is out of date: run npm run config-schema`);
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(configJsonSchemaPath, text);
  console.log(`wrote ${configJsonSchemaPath}`);
} else {
  console.log(`${configJsonSchemaPath} is up to date`);
}
