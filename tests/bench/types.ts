/** The benchmark's shapes: a case, its options, what it returns and the goals it is held to. */

export interface BenchOptions {
  /** Each timed window runs for at least this long. */
  minMs: number;
  /** Timed windows per case; the median is reported. */
  samples: number;
  /** Server load case: how many solo rooms (default 500). */
  rooms?: number;
  /** Server load case: run the server child with --cpu-prof, writing into this folder. */
  serverCpuProf?: string;
}

export interface Goal {
  /** Metric key the goal applies to. */
  metric: string;
  op: '>=' | '<';
  target: number;
  /** Human text, e.g. "≥ 1,000,000 component-updates/s". */
  label: string;
}

export interface GoalResult extends Goal {
  value: number;
  met: boolean;
}

export interface CaseResult {
  id: string;
  group: string;
  title: string;
  /** Numbers the table and the JSON show; keys match the group's columns. */
  metrics: Record<string, number>;
  goals: GoalResult[];
  /** Anything odd seen while running the case (non-finite figures, failures, saturation…). */
  warnings: string[];
}

export interface BenchCase {
  id: string;
  group: string;
  title: string;
  run(options: BenchOptions): CaseResult | Promise<CaseResult>;
}
