import type { Bilingual } from "@houqin/core";
import { generateAssetsWorkbook } from "./assetsWorkbook.js";
import { generateCanteenWorkbook } from "./canteenWorkbook.js";
import { type GeneratedWorkbook, generateFeeWorkbook } from "./feeWorkbook.js";
import { generateFinanceWorkbook } from "./financeWorkbook.js";
import { generateSafetyWorkbook } from "./safetyWorkbook.js";
import { generateSportsWorkbook } from "./sportsWorkbook.js";

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
  {
    fileName: "安全管理.xlsx",
    description: {
      "zh-CN":
        "第一学期安全检查、门卫、演练、安全教育（含1530广播）记录和灭火器台账（三(一)），含漏检、未闭环问题、门卫缺项、1530缺失和到期灭火器",
      en: "First-semester safety inspection, guard, drill and education (1530 radio) logs and the extinguisher register (三(一)), with missed checks, an open problem, guard gaps, a missing 1530 talk and extinguishers due",
    },
    generate: (seed) => generateSafetyWorkbook(seed === undefined ? {} : { seed }),
  },
  {
    fileName: "资产管理.xlsx",
    description: {
      "zh-CN":
        "固定资产台账、盘点、借用、课桌椅检查、报修、校舍检查和基建项目登记（三(二)），含账面净值不符、重号、盘盈盘亏、逾期和损坏借用、漏检、维修超时、未闭环隐患和程序问题",
      en: "Fixed-asset ledger, stocktake, loans, furniture checks, repairs, building inspections and the project register (三(二)), with a wrong net value, a duplicate number, stocktake differences, overdue and damaged loans, missed checks, slow repairs, an unrepaired problem and project-sequence faults",
    },
    generate: () => generateAssetsWorkbook(),
  },
  {
    fileName: "食堂管理.xlsx",
    description: {
      "zh-CN":
        "2023年10—11月食堂采购验收、供货商资质、就餐统计、库存、从业人员健康证、消毒和明厨亮灶上传记录、隐患排查、意见反馈、员工考核和饮水机台账（三(三)），含证照过期、调味品未索证、不合格品未处理、单人验收、金额错误、健康证过期上岗、漏消毒漏上传、隐患未整改、意见未回复、盈余率超限、漏考核和饮水机漏维护",
      en: "A canteen's October–November 2023: purchases and acceptance, suppliers' licences, meals served, stock, staff health certificates, disinfection and 明厨亮灶 upload logs, hazard inspections, feedback, the staff assessment and the water dispensers (三(三)), with an expired licence, a seasoning without its certificate, an unhandled reject, a single inspector, a wrong amount, work on an expired health certificate, missed disinfection and upload, an unrectified hazard, unanswered feedback, a surplus over the limit, a missing assessment and missed dispenser upkeep",
    },
    generate: (seed) => generateCanteenWorkbook(seed === undefined ? {} : { seed }),
  },
  {
    fileName: "财务管理.xlsx",
    description: {
      "zh-CN":
        "2023年12月现金日记账与盘点、银行存款日记账与对账单、收入送存、2023年预算与支出、收费公示和固定资产明细账（三(四)），含余额算错、未日清、盘点短款、凭证断号和重号、收入未当日送存、超过 90 天的未达账项、超预算、执行滞后、无预算支出、公示提前撤下和账实不符",
      en: "December 2023's cash journal and counts, the bank journal and statement, income deposits, the 2023 budget and expenses, fee publicity and the fixed-asset account (三(四)), with a wrong balance, a day not closed, a short count, a voucher gap and a duplicate, income not banked the same day, outstanding bank items (one past 90 days), a line over budget, one lagging, spending outside the budget, a notice taken down early and an account that disagrees with the ledger",
    },
    generate: () => generateFinanceWorkbook(),
  },
  {
    fileName: "体育工作.xlsx",
    description: {
      "zh-CN":
        "2023年秋季田径运动会参赛名单、教练员、竞赛规程、体育社团设置与报名、田径队考勤（三(五)），含超项报名、超额报名、无人报名的项目、规程外项目、无教练负责的运动员、不存在的社团、重复报名和连续缺勤；另有大课间、活动场地、年级人数、体育课和课后服务，其中一个年级每天体育活动不足 2 小时",
      en: "The 2023 autumn meet's athletes, the coaches, the meet programme, the clubs and their signups, and the track team's attendance register (三(五)), with an athlete over the events limit, an event over its entries, an event nobody entered, an event not on the programme, athletes without a coach, an unknown club, a repeated choice, a duplicate signup and a run of absences; and the big recess, venues, grade sizes, PE lessons and after-school sport, with one grade short of 2 hours of activity a day",
    },
    generate: (seed) => generateSportsWorkbook(seed === undefined ? {} : { seed }),
  },
];
