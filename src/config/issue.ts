// One problem found in a configuration, before it is tied to a file position.

import type {ConfigPath} from "./path.js";

export interface ConfigIssue {
  path: ConfigPath;
  /** The text after the path, e.g. `got "=>"; expected one of >=, >, <=, <, ==, !=`. */
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  at?: "key";
  /** For an unknown key: the known key it probably meant. */
  suggestion?: string;
}
