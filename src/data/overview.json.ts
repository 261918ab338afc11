// overview page data, computed by the pipeline (loaders/site/overview.ts) for the
// current configuration and extract.
import {printSiteFile} from "../../loaders/site/printSiteFile.js";

await printSiteFile("overview");
