// Where the pseudonymisation key comes from. Outside the demo bank a missing key
// is an error: a default key in the repository would make every bank's
// pseudonyms reversible by anyone who reads this file.

/** The demo bank's key is published on purpose: its data is synthetic. */
export const demoKey = "demo-bank-published-key-not-secret";

export interface KeyChoice {
  key: string;
  demo: boolean;
}

export function pseudonymKey(env: Record<string, string | undefined>, {keyEnv, demo}: {keyEnv: string; demo: boolean}): KeyChoice {
  const key = env[keyEnv];
  if (key !== undefined && key !== "") {
    if (key.length < 16) throw new Error(`invalid pseudonymisation key: ${keyEnv} must have at least 16 characters`);
    return {key, demo: false};
  }
  if (demo) return {key: demoKey, demo: true};
  throw new Error(`missing pseudonymisation key: set the environment variable ${keyEnv} (at least 16 characters, kept out of the repository)`);
}
