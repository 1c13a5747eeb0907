import { workbookContract } from "@houqin/workbook/testing";
import { OfficeWorkbook } from "../office/officeWorkbook.js";
import { createFakeExcel } from "../testing/fakeExcel.js";

workbookContract(
  "OfficeWorkbook (fake Excel)",
  (spec) => OfficeWorkbook.open(createFakeExcel(spec).run),
  undefined,
  {
    readLinks: (workbook, sheet) => workbook.readLinks(sheet),
  },
);
