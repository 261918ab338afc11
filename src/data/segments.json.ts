// segments page data, computed by the pipeline (loaders/site/segments.ts) for the
// current configuration and extract.
import {printSiteFile} from "../../loaders/site/printSiteFile.js";

await printSiteFile("segments");
