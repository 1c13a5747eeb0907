import type { CellValue, DateSystem } from "@houqin/core";
import { isDateFormat, serialText } from "@houqin/core";

/**
 * The text of a value when Excel's own text cannot be used (a column too narrow shows "####"), or
 * when there is no Excel to ask (the fake): dates by core's `serialText`, the text the xlsx adapter
 * gives, other values as the other adapters write them.
 *
 * @param value - the cell's value
 * @param format - its number format, or undefined for none
 * @param system - the workbook's date system
 * @returns the text
 * @example valueText(45536, "yyyy-mm-dd", "1900") // "2024-09-01"; valueText(true, undefined, "1900") // "TRUE"
 */
export function valueText(value: CellValue, format: string | undefined, system: DateSystem): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  if (typeof value === "number")
    return isDateFormat(format) ? serialText(value, format, system) : String(value);
  return value;
}
