// migration page data, computed by the pipeline (loaders/publish/migration.ts) for the
// current configuration and extract.
import {printSiteFile} from "../../loaders/pipeline/printSiteFile.js";

await printSiteFile("migration");
