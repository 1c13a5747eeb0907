import type { Bilingual } from "@houqin/core";

/** A table a check produces besides its findings (a compliance summary, a reconciliation…). */
export interface Report {
  /** Stable id, "domain.kebab-case", e.g. "safety.compliance". */
  id: string;
  title: Bilingual;
  /** The sheet it is written to, in both languages (kept short: Excel allows 31 characters). */
  sheetName: Bilingual;
  /**
   * Columns in order; `width` in characters (default: fits the title). A `money` column holds integer
   * fen in its rows and is written to the sheet as yuan in a ¥ number format, so Excel can add it up.
   */
  columns: readonly { key: string; title: Bilingual; width?: number; format?: "money" }[];
  rows: readonly Readonly<Record<string, string | number | null>>[];
}
