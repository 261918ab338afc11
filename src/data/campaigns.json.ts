// campaigns page data, computed by the pipeline (loaders/publish/campaigns.ts) for the
// current configuration and extract.
import {printSiteFile} from "../../loaders/pipeline/printSiteFile.js";

await printSiteFile("campaigns");
