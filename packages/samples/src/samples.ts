import type { Bilingual } from "@houqin/core";
import { type GeneratedWorkbook, generateFeeWorkbook } from "./feeWorkbook.js";

/** A sample workbook the demo writes and checks. */
export interface Sample {
  fileName: string;
  description: Bilingual;
  generate(seed?: number): GeneratedWorkbook;
}

/** The sample workbooks bundled with houqin, generated on demand (never committed as binaries). */
export const SAMPLES: readonly Sample[] = [
  {
    fileName: "收费管理.xlsx",
    description: {
      "zh-CN": "收费标准与学期收费明细（三(四)1），含未批准项目、超标准收费、未公示和 #REF! 错误",
      en: "Fee schedule and a semester of charges (三(四)1), with an unapproved item, an over-standard charge, a charge before publicity and a #REF! error",
    },
    generate: (seed) => generateFeeWorkbook(seed === undefined ? {} : { seed }),
  },
];
