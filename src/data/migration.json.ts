// migration page data, computed by the pipeline (loaders/site/migration.ts) for the
// current configuration and extract.
import {printSiteFile} from "../../loaders/site/printSiteFile.js";

await printSiteFile("migration");
