import { describe, expect, it } from "vitest";
import { cellAddress, MAX_COLUMN, MAX_ROW, parseCellAddress, parseRangeAddress } from "../address.js";

describe("parseCellAddress", () => {
  it("reads a cell up to Excel's last row and column, and nothing past them", () => {
    expect(parseCellAddress("$c$17")).toEqual({ row: 17, column: 3 });
    expect(parseCellAddress(cellAddress(MAX_ROW, MAX_COLUMN))).toEqual({ row: MAX_ROW, column: MAX_COLUMN });
    expect(parseCellAddress(`XFD${MAX_ROW + 1}`)).toBeUndefined();
    expect(parseCellAddress("XFE1")).toBeUndefined();
    expect(parseCellAddress("A0")).toBeUndefined();
  });
});

describe("parseRangeAddress", () => {
  it("reads one cell or two corners in either order", () => {
    expect(parseRangeAddress("C17")).toEqual({ top: 17, left: 3, bottom: 17, right: 3 });
    expect(parseRangeAddress("$A$1:$B$2")).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRangeAddress("C3:A1")).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });

  it("refuses whole rows or columns, three corners and anything that is not a cell", () => {
    for (const address of ["A:C", "3:5", "A1:B2:C3", "A1:", "not a cell", ""])
      expect(parseRangeAddress(address)).toBeUndefined();
  });
});
