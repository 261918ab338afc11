// What the semantic checks need to know about extract contract v1.

import {contract} from "../contract/tables.js";
import type {CheckOptions} from "../../src/config/checks/index.js";

export const contractCheckOptions: Required<Pick<CheckOptions, "tables" | "campaignKinds">> = {
  tables: Object.fromEntries(contract.map((table) => [table.name, table.columns.map((column) => column.name)])),
  campaignKinds: contract.find((table) => table.name === "campaigns")?.columns.find((column) => column.name === "kind")?.values ?? [],
};
