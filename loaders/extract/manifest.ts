// The manifest: per table, what was read, accepted and quarantined, and why.

export interface ManifestEntry {
  table: string;
  /** File path relative to the extract folder, "sql", or "" when no source is configured. */
  source: string;
  /** A text file's physical lines (header and blank lines included): what an editor counts. */
  lines?: number;
  /** Lines that hold nothing: not records. */
  blankLines?: number;
  /** Records: each is accepted or quarantined. */
  read: number;
  accepted: number;
  quarantined: number;
  /** reason → rows quarantined for it. */
  reasons: Record<string, number>;
  /** Rows kept but counted as implausible (extract.checks), reason → rows; absent when none. */
  warnings?: Record<string, number>;
}

export function manifestEntry(entry: ManifestEntry): ManifestEntry {
  const counted = Object.values(entry.reasons).reduce((sum, n) => sum + n, 0);
  // Every row read is either accepted or quarantined: a silent loss is a bug.
  if (entry.read !== entry.accepted + entry.quarantined || counted !== entry.quarantined)
    throw new Error(`invalid manifest: ${entry.table} read ${entry.read} ≠ accepted ${entry.accepted} + quarantined ${entry.quarantined} (reasons ${counted})`);
  return entry;
}
