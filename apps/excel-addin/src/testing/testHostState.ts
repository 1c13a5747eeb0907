/**
 * What the browser test host tells the test about the in-memory Excel behind the page
 * (`window.__houqinTestHost.state()`), as plain data.
 */
export interface TestHostState {
  /** The selected cell after `select()`; null before any. */
  selection: { sheet: string; cell: string } | null;
  /** How many `context.sync()` calls the page made. */
  syncCount: number;
  /** The custom function ids the page associated (`CustomFunctions.associate`). */
  functions: string[];
  /** The sheets of the workbook, in order. */
  sheets: string[];
}
