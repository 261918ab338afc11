// The JSON Schema of the configuration, generated from the zod schema so that
// editors (yaml-language-server) complete and check config YAML files.

import {fileURLToPath} from "node:url";
import {z} from "zod";
import {configSchema} from "../../src/config/schema.js";

export const configJsonSchemaPath = fileURLToPath(new URL("../../data/config.schema.json", import.meta.url));

// Draft 7, which every YAML editor plugin understands.
export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(configSchema, {target: "draft-7"});
  const titled = {...schema, title: "Segmentation workspace configuration", description: "See docs/configuration.md."};
  return `${JSON.stringify(titled, null, 2)}\n`;
}
