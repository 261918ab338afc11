import type {RfmConfig} from "../../config/schema.js";
import type {RfmAccessor} from "./rfmScores.js";

type Record_ = Readonly<Record<string, unknown>>;

/**
 * rfmScores' options for client-period records, from the configuration: the
 * bins, and accessors that read rfm.recencyFeature, frequencyFeature and
 * monetaryFeature (numbers; anything else is missing). For example
 *   rfmScores(clients, rfmFeatures(config.rfm))
 */
export function rfmFeatures(cfg: Pick<RfmConfig, "bins" | "recencyFeature" | "frequencyFeature" | "monetaryFeature">): {
  bins: number;
  recency: RfmAccessor<Record_>;
  frequency: RfmAccessor<Record_>;
  monetary: RfmAccessor<Record_>;
} {
  const read = (feature: string) => (d: Record_) => {
    const v = d[feature];
    return typeof v === "number" ? v : null;
  };
  return {bins: cfg.bins, recency: read(cfg.recencyFeature), frequency: read(cfg.frequencyFeature), monetary: read(cfg.monetaryFeature)};
}
