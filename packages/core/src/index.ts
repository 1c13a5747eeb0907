export type { Cell, CellError, CellValue, DateSystem, ExcelErrorCode } from "./cell.js";
export { isBlankCell, isCellError, parseErrorText } from "./cellErrors.js";
export { parseChineseNumber } from "./chineseNumber.js";
export type { HouqinErrorCode } from "./errors.js";
export { HouqinError } from "./errors.js";
export { isoToSerial, serialToIso } from "./excelSerial.js";
export type { Fen } from "./fen.js";
export { addFen, allocateFen, multiplyFen, sumFen } from "./fenArithmetic.js";
export type { Finding, Severity } from "./finding.js";
export { SEVERITIES, summarizeFindings } from "./finding.js";
export type { FormatMoneyOptions } from "./formatMoney.js";
export { fenToYuan, formatMoney } from "./formatMoney.js";
export type { Bilingual, Lang } from "./i18n.js";
export { DEFAULT_LANG, localize, parseLang } from "./i18n.js";
export type { IsoDate } from "./isoDate.js";
export { addDaysIso, dateToIso, isIsoDate, isoToDate, makeIsoDate } from "./isoDate.js";
export { median, monthEnd, monthLabel, nextMonth } from "./months.js";
export { normalizeText, toHalfWidth } from "./normalizeText.js";
export { nthWeekdayOfMonth } from "./nthWeekdayOfMonth.js";
export { parseBooleanCell } from "./parseBooleanCell.js";
export type { ParseDateCellOptions } from "./parseDateCell.js";
export { parseDateCell } from "./parseDateCell.js";
export type { Parsed, ParseErrorCode } from "./parsed.js";
export { parsedError, parsedOk } from "./parsed.js";
export { parseMoney } from "./parseMoney.js";
export { parseMonthCell } from "./parseMonthCell.js";
export { parseNumberCell } from "./parseNumberCell.js";
export { parseTextCell } from "./parseTextCell.js";
export type {
  CalendarSettings,
  SchoolCalendar,
  SchoolDayDirection,
  SchoolWeek,
  Semester,
} from "./schoolCalendar.js";
export { createSchoolCalendar } from "./schoolCalendar.js";
export type { SemesterSpan } from "./semesterSpans.js";
export { semesterSpans, wholeSemesters } from "./semesterSpans.js";
export { isDateFormat, serialText } from "./serialText.js";
export type { StatutoryDay, StatutoryDayKind } from "./statutoryCalendar.js";
export { holidayDataCovers, holidayName, isWorkday, statutoryDay } from "./statutoryCalendar.js";
