/** What the runner hands every suite. */
import type { Row } from './harness';

export interface BenchContext {
  /** The repository root. */
  root: string;
  /** A fresh scratch directory, removed after the run. */
  tmp: string;
  /** Skip the build: the renderer suite then runs the repository's out/ as it is. */
  noBuild: boolean;
  /** Progress lines (to stderr, so stdout is the report). */
  log: (line: string) => void;
  /** Adds a line to the report's machine facts (e.g. the browser's version). */
  fact: (line: string) => void;
  /** Adds a line to the report's results that are not times (e.g. precision and recall). */
  result: (line: string) => void;
}

export type Suite = (ctx: BenchContext) => Promise<Row[]>;
