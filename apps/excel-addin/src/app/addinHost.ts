import { type Bilingual, HouqinError, type HouqinErrorCode, type IsoDate } from "@houqin/core";
import type { Workbook } from "@houqin/workbook";

/**
 * What the task pane's services work on: the open workbook, a way to select a cell in it, and the
 * school's date. In Excel the workbook is the Office.js adapter; in tests a MemoryWorkbook or an
 * XlsxWorkbook.
 */
export interface AddinHost {
  /** OfficeWorkbook in Excel; MemoryWorkbook in tests. */
  workbook: Workbook;
  /** Activates a sheet and selects a cell (a finding's place). */
  select(sheet: string, cell: string): Promise<void>;
  /** The machine's date in Asia/Shanghai. */
  today(): IsoDate;
}

/**
 * What the services throw when they cannot do what was asked (a bad column letter, a generator with
 * nothing to work from): `text` says why in both languages, `message` in the language of the request
 * (both, "中文 / English", when the request carries none).
 */
export class AddinError extends HouqinError {
  readonly text: Bilingual;
  constructor(code: HouqinErrorCode, text: Bilingual, message = `${text["zh-CN"]} / ${text.en}`) {
    super(code, message);
    this.name = "AddinError";
    this.text = text;
  }
}
