// Methodology page data: the configuration in force (rules and parameters).
import {printSiteFile} from "../../loaders/site/printSiteFile.js";

await printSiteFile("methodology");
