import type { Bilingual } from "@houqin/core";

/**
 * Why a file could not be opened as a workbook:
 * - `not-found`: no file at that path;
 * - `not-a-workbook`: the file is something else (text, an image, a zip that is no workbook);
 * - `encrypted`: a password-protected workbook (Office wraps it in an OLE container);
 * - `legacy-xls`: an old binary .xls workbook, which must be saved as .xlsx first;
 * - `corrupt`: it looks like an .xlsx file but cannot be read (truncated, damaged).
 */
export type WorkbookOpenErrorCode = "not-found" | "not-a-workbook" | "encrypted" | "legacy-xls" | "corrupt";

const REASONS: Readonly<Record<WorkbookOpenErrorCode, Bilingual>> = {
  "not-found": { "zh-CN": "找不到这个文件", en: "The file does not exist" },
  "not-a-workbook": {
    "zh-CN": "这不是 Excel 工作簿（.xlsx）文件",
    en: "This is not an Excel workbook (.xlsx)",
  },
  encrypted: {
    "zh-CN": "工作簿设置了打开密码：请在 Excel 中取消密码并保存后再试",
    en: "The workbook is password-protected: remove the password in Excel, save it and try again",
  },
  "legacy-xls": {
    "zh-CN": "这是旧版 .xls 工作簿：请在 Excel 中另存为 .xlsx 后再试",
    en: "This is an old .xls workbook: save it as .xlsx in Excel and try again",
  },
  corrupt: {
    "zh-CN": "工作簿已损坏或不完整，无法读取",
    en: "The workbook is damaged or incomplete and cannot be read",
  },
};

/**
 * A file that cannot be opened as a workbook. This is an expected outcome of untrusted input (the
 * CLI prints {@link WorkbookOpenError.reason} and exits with code 2); callers branch on `code`.
 *
 * @example
 * try {
 *   await openXlsx("school.xls");
 * } catch (error) {
 *   if (error instanceof WorkbookOpenError && error.code === "legacy-xls") console.error(error.reason["zh-CN"]);
 * }
 */
export class WorkbookOpenError extends Error {
  /** What went wrong, for callers to branch on. */
  readonly code: WorkbookOpenErrorCode;
  /** The reason for users, Chinese first. */
  readonly reason: Bilingual;
  /** The path that was opened, when there was one. */
  readonly path: string | undefined;

  /**
   * @param code - what went wrong
   * @param options - the path opened and the underlying error, when known
   */
  constructor(code: WorkbookOpenErrorCode, options: { path?: string; cause?: unknown } = {}) {
    const reason = REASONS[code];
    super(`${reason["zh-CN"]} / ${reason.en}`, options.cause === undefined ? {} : { cause: options.cause });
    this.name = "WorkbookOpenError";
    this.code = code;
    this.reason = reason;
    this.path = options.path;
  }
}
