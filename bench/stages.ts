// Stage times from the pipeline CLI's progress lines on stderr, which look like
//   [  12.3s] extract: reading transactions
// (seconds since the CLI started). A line's duration is the time until the next
// line; a stage is the sum over its lines, named by the text before the colon.

export interface Stage {
  stage: string;
  seconds: number;
  /** The progress lines of the stage, each with its own duration. */
  steps: {at: number; seconds: number; message: string}[];
}

const progressLine = /^\[\s*(\d+(?:\.\d+)?)s\]\s+(.*)$/;

// Progress prefixes that belong to a larger stage of run.ts.
const stageOf: Record<string, string> = {
  clusters: "segmentation",
  segments: "segmentation",
  "using the PUBLISHED demo pseudonymisation key": "setup",
  "demo bank missing": "setup",
  "demo bank": "setup",
  done: "done",
};

const round = (seconds: number) => Math.round(seconds * 10) / 10;

export function parseStages(lines: readonly string[]): Stage[] {
  const points = lines.flatMap((line) => {
    const match = progressLine.exec(line);
    return match ? [{at: Number(match[1]), message: match[2]}] : [];
  });
  const stages: Stage[] = [];
  points.forEach(({at, message}, i) => {
    const next = points[i + 1]?.at ?? at;
    const prefix = message.includes(":") ? message.slice(0, message.indexOf(":")) : message;
    const stage = stageOf[prefix] ?? prefix;
    let entry = stages.at(-1);
    if (entry?.stage !== stage) stages.push((entry = {stage, seconds: 0, steps: []}));
    entry.seconds = round(entry.seconds + next - at);
    entry.steps.push({at, seconds: round(next - at), message});
  });
  return stages.filter((s) => s.stage !== "done");
}
