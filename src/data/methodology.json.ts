// Methodology page data: the configuration in force (rules and parameters).
import {printSiteFile} from "../../loaders/pipeline/printSiteFile.js";

await printSiteFile("methodology");
