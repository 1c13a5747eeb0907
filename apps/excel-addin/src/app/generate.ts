import { canteen, costCheck, purchases } from "@houqin/canteen";
import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  isIsoDate,
  type Lang,
  localize,
  type SchoolCalendar,
} from "@houqin/core";
import { bankJournal, bankStatement, finance, reconciliationCheck } from "@houqin/finance";
import { classList, planSheet, safety, scheduleFor, scheduleSheets, scheduleWarnings } from "@houqin/safety";
import { athletes, coaches, meet, RosterError, rosterFor, rosterSheets, sports } from "@houqin/sports";
import {
  type Check,
  type HouqinModule,
  readWorkbook,
  reportSheet,
  runChecks,
  type TableReport,
} from "@houqin/workbook";
import { AddinError, type AddinHost } from "./addinHost.js";
import { writeNewSheets } from "./writeNewSheets.js";

/** What the Generate page can make. */
export type GenerateKind = "safety-schedule" | "reconciliation" | "canteen-settlement" | "training-roster";

/** What to generate, and from when to when. */
export interface GenerateRequest {
  kind: GenerateKind;
  lang: Lang;
  /**
   * Safety schedule: the first and last day. Default: the current semester from 设置 (the one
   * today is in, else the next, else the last), else 20 weeks from today.
   */
  from?: IsoDate;
  to?: IsoDate;
  /** Training roster: the meet day (default: 设置's 运动会日期, else the programme's earliest date). */
  meet?: IsoDate;
  /** Training roster: the first training day (default: 设置's 训练开始日期, else the semester's start). */
  start?: IsoDate;
}

/** What a generator wrote. */
export interface GenerateOutcome {
  /** The new sheets' names, in order. */
  sheets: string[];
  /** Things the user should know, in the request's language (no class list, no semester dates…). */
  notes: string[];
  /** Problems in the data the generator read (settings, its tables), and the roster's entry checks. */
  findings: Finding[];
}

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * The generators the Generate page offers, with the domain each belongs to.
 *
 * @example GENERATORS.map((g) => g.kind) // ["safety-schedule", "reconciliation", "canteen-settlement", "training-roster"]
 */
export const GENERATORS: readonly {
  kind: GenerateKind;
  title: Bilingual;
  description: Bilingual;
  domain: string;
}[] = [
  {
    kind: "safety-schedule",
    title: tr("安全工作日程与1530轮值表", "Safety schedule and 1530 roster"),
    description: tr(
      "按学期排出每个上学日的安全检查、演练和安全教育任务，以及各班轮流的1530安全教育（三(一)）",
      "The safety checks, drills and education of every school day of a semester, and the classes' turns at the 1530 talk (三(一))",
    ),
    domain: "safety",
  },
  {
    kind: "reconciliation",
    title: tr("银行存款余额调节表", "Bank reconciliation"),
    description: tr(
      "核对银行存款日记账与银行对账单，生成余额调节表和对账匹配明细（三(四)3）",
      "Matches the bank journal with the bank statement: the reconciliation statement and the matches (三(四)3)",
    ),
    domain: "finance",
  },
  {
    kind: "canteen-settlement",
    title: tr("食堂月度结算表", "Canteen monthly settlement"),
    description: tr(
      "由采购验收、就餐统计和库存盘点算出每月伙食成本、每餐成本和盈余率（三(三)5）",
      "Each month's food cost, cost per meal and surplus rate from the purchases, meals served and stock counts (三(三)5)",
    ),
    domain: "canteen",
  },
  {
    kind: "training-roster",
    title: tr("田径训练安排", "Track training roster"),
    description: tr(
      "为运动会参赛运动员安排一对一负责教练，生成训练计划、教练表和每日训练表（三(五)2）",
      "One responsible coach per athlete and event group, the training plan, a sheet per coach and per training day (三(五)2)",
    ),
    domain: "sports",
  },
];

const MSG = {
  badDate: tr("日期“{date}”无效，应写作 YYYY-MM-DD", "“{date}” is not a date; write it as YYYY-MM-DD"),
  fromAfterTo: tr("开始日期 {from} 晚于结束日期 {to}", "The first day {from} is after the last day {to}"),
  startNotBeforeMeet: tr(
    "训练开始日期 {start} 应早于运动会日期 {meet}",
    "The first training day {start} must be before the meet day {meet}",
  ),
  twentyWeeks: tr("已生成 {from} 至 {to}（20 周）的日程", "The schedule covers {from} to {to} (20 weeks)"),
  pastSemester: tr(
    "“设置”中的学期都已结束，已按最后一个学期（{from} 至 {to}）生成；新学期请在“设置”中更新学期日期",
    "Every semester in the settings has ended, so the last one ({from} to {to}) was used; update the semester dates in 设置 for the new one",
  ),
  noStatement: tr(
    "没有找到银行对账单：请加入银行对账单工作表（有“交易日期”“收入（贷方）”“支出（借方）”或“交易金额”等列）后再生成余额调节表",
    "No bank statement found: add the bank's statement as a sheet (with date and amount columns) to make the reconciliation",
  ),
  noJournal: tr(
    "没有找到银行存款日记账：请加入银行存款日记账工作表后再生成余额调节表",
    "No bank journal (银行存款日记账) found: add it as a sheet to make the reconciliation",
  ),
  noReconciliation: tr(
    "银行存款日记账和对账单中没有可对账的金额，未生成余额调节表",
    "The bank journal and statement hold no amounts that can be reconciled; nothing was written",
  ),
  noPurchases: tr(
    "没有找到食堂采购验收记录：月度结算由采购验收表（有“日期”“品名”“金额”等列）算出",
    "No canteen purchase log found: the settlement is computed from the purchases (a sheet with date, item and amount columns)",
  ),
  noSettlement: tr(
    "采购验收记录中没有可计价的采购，未生成月度结算表",
    "The purchase log has no costed purchases; no settlement was written",
  ),
  noAthletes: tr(
    "没有找到运动员名单：请加入有“姓名”“参赛项目”两列的工作表",
    "No athletes table found: add a sheet with 姓名 (name) and 参赛项目 (events) columns",
  ),
  noMeet: tr(
    "不知道运动会哪天举行：请填写运动会日期，或在“设置”中填写“运动会日期”，或在比赛项目表中填写比赛日期",
    "The meet day is not known: enter it here, or add 运动会日期 to the settings, or dates to the meet programme",
  ),
  uncovered: tr(
    "{count} 个运动员项目组没有安排教练，见“{sheet}”表",
    "{count} athlete-groups have no coach; see the “{sheet}” sheet",
  ),
} satisfies Record<string, Bilingual>;

/** Makes the error a generator throws, its message in the request's language. */
function failure(text: Bilingual, lang: Lang, params: Record<string, unknown> = {}): AddinError {
  return new AddinError(
    "INVALID_ARGUMENT",
    { "zh-CN": localize(text, "zh-CN", params), en: localize(text, "en", params) },
    localize(text, lang, params),
  );
}

/**
 * The findings about what a generator read: on the settings sheet, on the sheets of the kinds it
 * uses, or about no sheet in particular.
 */
function findingsAbout(
  findings: readonly Finding[],
  tables: readonly TableReport[],
  kinds: readonly string[],
  settingsSheet: string | undefined,
): Finding[] {
  const sheets = new Set(tables.filter((t) => kinds.includes(t.kind)).map((t) => t.sheet));
  if (settingsSheet !== undefined) sheets.add(settingsSheet);
  return findings.filter((f) => f.sheet === undefined || sheets.has(f.sheet));
}

/** A domain module that runs one of its checks only (its kinds all recognised, as in a full run). */
function onlyCheck(module: HouqinModule, check: Check): HouqinModule {
  return { ...module, checks: [check] };
}

/**
 * The default span of a schedule: the semester the anchor is in (from the anchor when the user gave
 * it), else the next one, else the last; without semesters, 20 weeks from the anchor.
 */
function scheduleSpan(
  calendar: SchoolCalendar,
  anchor: IsoDate,
  anchored: boolean,
): { from: IsoDate; to: IsoDate; source: "semester" | "past-semester" | "weeks" } {
  const semester = calendar.semesterOf(anchor) ?? calendar.semesters.find((s) => s.start > anchor);
  if (semester) return { from: anchored ? anchor : semester.start, to: semester.end, source: "semester" };
  const last = calendar.semesters.at(-1);
  if (last) return { from: anchored ? anchor : last.start, to: last.end, source: "past-semester" };
  return { from: anchor, to: addDaysIso(anchor, 20 * 7 - 1), source: "weeks" };
}

async function safetySchedule(host: AddinHost, request: GenerateRequest): Promise<GenerateOutcome> {
  const { lang } = request;
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, lang, params);
  const contents = await readWorkbook(host.workbook, {
    modules: [safety],
    lang,
    today: host.today(),
  });
  const { ctx } = contents;
  const span = scheduleSpan(ctx.calendar, request.from ?? host.today(), request.from !== undefined);
  const from = request.from ?? span.from;
  const to = request.to ?? span.to;
  if (from > to) throw failure(MSG.fromAfterTo, lang, { from, to });

  const schedule = scheduleFor(ctx, from, to);
  const notes: string[] = [];
  if (span.source === "past-semester" && request.to === undefined)
    notes.push(t(MSG.pastSemester, { from, to }));
  for (const warning of scheduleWarnings(ctx, schedule, from, to)) {
    notes.push(t(warning.message));
    if (warning.code === "no-semesters" && request.to === undefined)
      notes.push(t(MSG.twentyWeeks, { from, to }));
  }

  const sheets = await writeNewSheets(host.workbook, scheduleSheets(schedule, lang));
  const findings = findingsAbout(
    contents.findings,
    contents.tables,
    [classList.id, planSheet.id],
    ctx.settings.sheet,
  );
  return { sheets, notes, findings };
}

async function reconciliation(host: AddinHost, request: GenerateRequest): Promise<GenerateOutcome> {
  const { lang } = request;
  const report = await runChecks(host.workbook, {
    modules: [onlyCheck(finance, reconciliationCheck)],
    lang,
    today: host.today(),
  });
  const kinds = new Set(report.tables.map((table) => table.kind));
  if (!kinds.has(bankStatement.id)) throw failure(MSG.noStatement, lang);
  if (!kinds.has(bankJournal.id)) throw failure(MSG.noJournal, lang);
  const reports = report.reports.filter((r) =>
    ["finance.bank-reconciliation", "finance.bank-matches"].includes(r.id),
  );
  if (reports.length === 0) throw failure(MSG.noReconciliation, lang);
  const sheets = await writeNewSheets(
    host.workbook,
    reports.map((r) => reportSheet(r, lang)),
  );
  const findings = findingsAbout(
    report.findings,
    report.tables,
    [bankJournal.id, bankStatement.id],
    report.settings.sheet,
  );
  return { sheets, notes: [], findings };
}

async function canteenSettlement(host: AddinHost, request: GenerateRequest): Promise<GenerateOutcome> {
  const { lang } = request;
  const report = await runChecks(host.workbook, {
    modules: [onlyCheck(canteen, costCheck)],
    lang,
    today: host.today(),
  });
  if (!report.tables.some((table) => table.kind === purchases.id)) throw failure(MSG.noPurchases, lang);
  const settlement = report.reports.find((r) => r.id === "canteen.settlement");
  if (!settlement) throw failure(MSG.noSettlement, lang);
  const sheets = await writeNewSheets(host.workbook, [reportSheet(settlement, lang)]);
  const findings = findingsAbout(
    report.findings,
    report.tables,
    costCheck.kinds.map((k) => k.id),
    report.settings.sheet,
  );
  return { sheets, notes: [], findings };
}

async function trainingRoster(host: AddinHost, request: GenerateRequest): Promise<GenerateOutcome> {
  const { lang } = request;
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, lang, params);
  if (request.start !== undefined && request.meet !== undefined && request.start >= request.meet)
    throw failure(MSG.startNotBeforeMeet, lang, { start: request.start, meet: request.meet });
  const contents = await readWorkbook(host.workbook, {
    modules: [sports],
    lang,
    today: host.today(),
  });
  if (!contents.has(athletes.id)) throw failure(MSG.noAthletes, lang);
  let roster: ReturnType<typeof rosterFor>;
  try {
    roster = rosterFor(contents.ctx, {
      ...(request.meet === undefined ? {} : { meet: request.meet }),
      ...(request.start === undefined ? {} : { start: request.start }),
    });
  } catch (error) {
    if (error instanceof RosterError)
      throw error.reason === "no-meet-date"
        ? failure(MSG.noMeet, lang)
        : new AddinError("INVALID_ARGUMENT", error.text, localize(error.text, lang));
    throw error;
  }
  const written = rosterSheets(roster, lang);
  const sheets = await writeNewSheets(host.workbook, written);
  const notes = roster.warnings.map((w) => t(w));
  if (roster.uncovered.length > 0)
    notes.push(t(MSG.uncovered, { count: roster.uncovered.length, sheet: sheets[0] ?? "" }));
  const findings = [
    ...findingsAbout(
      contents.findings,
      contents.tables,
      [athletes.id, coaches.id, meet.id],
      contents.ctx.settings.sheet,
    ),
    ...roster.entries,
  ];
  return { sheets, notes, findings };
}

/**
 * Generates sheets from the open workbook's data and settings (设置), each written as a new sheet
 * under a name no sheet has yet, so nothing the user has (nor a previous run) is replaced:
 * - "safety-schedule": 安全工作日程 and 1530轮值表 (scheduleFor, scheduleSheets) for `from`–`to`;
 * - "reconciliation": 银行存款余额调节表 and 对账匹配明细, the finance reconciliation's reports;
 * - "canteen-settlement": 食堂月度结算, the canteen cost check's report;
 * - "training-roster": the track roster (rosterFor with `meet` and `start`, rosterSheets).
 * Report sheets show money as numbers in a ¥ format. The user's cells are never changed.
 *
 * @param host - the open workbook and its date
 * @param request - what to generate, in which language, for which dates
 * @returns the sheets written, notes for the user and the findings about the data read
 * @throws AddinError `INVALID_ARGUMENT` (message in the request's language) for a bad date, or when
 *   there is nothing to work from: no bank statement or journal, no purchase log, no athletes, no meet day
 * @example
 * const { sheets } = await generate(host, { kind: "safety-schedule", lang: "zh-CN" });
 * sheets // ["安全工作日程", "1530轮值表"]
 */
export async function generate(host: AddinHost, request: GenerateRequest): Promise<GenerateOutcome> {
  for (const date of [request.from, request.to, request.meet, request.start])
    if (date !== undefined && !isIsoDate(date)) throw failure(MSG.badDate, request.lang, { date });
  switch (request.kind) {
    case "safety-schedule":
      return safetySchedule(host, request);
    case "reconciliation":
      return reconciliation(host, request);
    case "canteen-settlement":
      return canteenSettlement(host, request);
    case "training-roster":
      return trainingRoster(host, request);
    default:
      throw failure(tr("不认识的生成类型“{kind}”", "Unknown generator “{kind}”"), request.lang, {
        kind: String((request as { kind: unknown }).kind),
      });
  }
}
