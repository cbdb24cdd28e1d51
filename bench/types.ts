/** One line of the bench table: a measurement, the baseline it is compared with, and value / baseline. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

/** What a suite receives: `log` writes progress to stderr (stdout is kept for the table or JSON). */
export interface BenchContext {
  log: (line: string) => void;
}
