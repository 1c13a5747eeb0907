import {
  type Bilingual,
  type Fen,
  type Finding,
  fenToYuan,
  formatMoney,
  localize,
  normalizeText,
  sumFen,
} from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  cells,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { assetLedger, ledgerUnitPrice, stocktake } from "./ledgerKinds.js";
import {
  type CountedLine,
  type LedgerLine,
  type ReconcileStocktakeOptions,
  reconcileStocktake,
  type StocktakeResult,
  type StocktakeStatus,
} from "./reconcileStocktake.js";

const CLAUSE = "三(二)2";
const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const MSG = {
  surplus: tr(
    "盘盈：{room}盘点到{subject}，数量 {qty}，账上没有这项资产{value}",
    "Surplus (盘盈): {subject} counted in {room}, quantity {qty}, is not on the books{value}",
  ),
  shortage: tr(
    "盘亏：账上{subject}{where}，数量 {qty}，盘点时没有找到{value}",
    "Shortage (盘亏): {subject}{where}, {qty} on the books, was not found in the count{value}",
  ),
  quantity: tr(
    "{subject}在{room}账面数量 {book}，实盘 {counted}，{kind} {abs}{value}",
    "{subject} in {room}: {book} on the books, {counted} counted, {abs} {kind}{value}",
  ),
  misplaced: tr(
    "{subject}账上在{room}，盘点时在{countedRoom}找到，应调回原处或更新台账",
    "{subject} is in {room} on the books but was counted in {countedRoom}; move it back or update the ledger",
  ),
  uncounted: tr(
    "{room}账上有 {count} 项资产{value}，本次盘点没有该房间的记录，未核对",
    "{room} holds {count} ledger lines{value}, but the count has no record of this room; they were not reconciled",
  ),
  noLedger: tr(
    "工作簿中未找到资产台账，无法进行账物核对",
    "No asset ledger was found in the workbook; the stocktake cannot be reconciled with the books",
  ),
  value: tr("，价值 {amount}", ", worth {amount}"),
  bookValue: tr("（原值 {amount}）", " ({amount})"),
  where: tr("（{room}）", " in {room}"),
  surplusWord: tr("盘盈", "over"),
  shortageWord: tr("盘亏", "short"),
  subject: tr("“{name}”（{no}）", "“{name}” ({no})"),
  subjectNoNumber: tr("“{name}”", "“{name}”"),
} satisfies Record<string, Bilingual>;

const STATUS: Readonly<Record<StocktakeStatus, Bilingual>> = {
  matched: tr("相符", "Matched"),
  quantity: tr("数量不符", "Quantity differs"),
  misplaced: tr("存放地点不符", "Misplaced"),
  surplus: tr("盘盈", "Surplus"),
  shortage: tr("盘亏", "Shortage"),
  uncounted: tr("未盘点", "Not counted"),
};

const SCOPE_WORDS: readonly [NonNullable<ReconcileStocktakeOptions["scope"]>, RegExp][] = [
  ["all", /全部|全面|所有|^all$/i],
  ["counted-rooms", /已盘点|盘点到的|部分|counted/i],
];

/** The 盘点范围 setting: 已盘点房间 (the default) or 全部. */
const scopeSchema: CellSchema<NonNullable<ReconcileStocktakeOptions["scope"]>> = cells
  .text()
  .refine((text) => SCOPE_WORDS.some(([, re]) => re.test(text)), {
    message: "Write 全部 (all rooms) or 已盘点房间 (the rooms counted)",
    params: {
      houqin: true,
      code: "not-understood",
      message: tr("请填写“全部”或“已盘点房间”", "Write 全部 (all rooms) or 已盘点房间 (the rooms counted)"),
    } satisfies CellIssueParams,
  })
  .transform((text) => SCOPE_WORDS.find(([, re]) => re.test(text))?.[0] ?? "counted-rooms");

/** Rooms as compared: half-width, no spaces, lower case. */
function roomKey(room: string): string {
  return normalizeText(room).replace(/\s+/g, "").toLowerCase();
}

/** Where a line came from. */
interface Source {
  table: RecognizedTable;
  row: number;
}

/**
 * Reconciles the stocktake with the asset ledger (账物核对, 三(二)2; 《行政事业性国有资产管理条例》§34)
 * and publishes one reconciliation sheet, 账物核对表, with each room's items and its totals in value:
 * - `assets/stocktake-surplus` (warning, at the counted row): 盘盈, counted but not on the books;
 * - `assets/stocktake-shortage` (error, at the ledger row): 盘亏, on the books but not found;
 * - `assets/stocktake-quantity` (warning, at the counted row): found in another quantity;
 * - `assets/stocktake-misplaced` (info, at the counted row): found in another room than the books say;
 * - `assets/stocktake-room-not-counted` (info): a room on the books the count does not cover (with
 *   盘点范围 = 已盘点房间, the default; 盘点范围 = 全部 makes its items 盘亏);
 * - `assets/stocktake-no-ledger` (info): a count without a ledger to reconcile it with.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkStocktake(ctx);
 */
export function checkStocktake(ctx: CheckContext): Finding[] {
  const countTables = ctx.tablesOf(stocktake);
  if (countTables.length === 0) return [];
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const ledgerTables = ctx.tablesOf(assetLedger);
  if (ledgerTables.length === 0) {
    const first = countTables[0]?.table;
    return [
      {
        rule: "assets/stocktake-no-ledger",
        severity: "info",
        message: t(MSG.noLedger),
        clause: CLAUSE,
        ...(first
          ? { sheet: first.sheet, cell: cellOf(first, first.headerRow, "room"), row: first.headerRow }
          : {}),
      },
    ];
  }
  const scope = ctx.setting(["盘点范围", "stocktake scope"], scopeSchema, "counted-rooms");

  const ledger: LedgerLine[] = [];
  const ledgerSources: Source[] = [];
  for (const { table, rows } of ledgerTables)
    for (const { row, values: v } of rows) {
      const unitPrice = ledgerUnitPrice(v);
      ledger.push({
        name: v.name,
        quantity: v.quantity ?? 1,
        ...(v.assetNo === undefined ? {} : { assetNo: v.assetNo }),
        ...(v.room === undefined ? {} : { room: v.room }),
        ...(unitPrice === undefined ? {} : { unitPrice }),
      });
      ledgerSources.push({ table, row });
    }
  const counted: CountedLine[] = [];
  const countedSources: Source[] = [];
  for (const { table, rows } of countTables)
    for (const { row, values: v } of rows) {
      counted.push({
        room: v.room,
        quantity: v.counted,
        ...(v.assetNo === undefined ? {} : { assetNo: v.assetNo }),
        ...(v.name === undefined ? {} : { name: v.name }),
        ...(v.unitPrice === undefined ? {} : { unitPrice: v.unitPrice }),
      });
      countedSources.push({ table, row });
    }

  const results = reconcileStocktake(ledger, counted, { scope });
  const findings: Finding[] = [];
  const money = (fen: Fen) => formatMoney(fen);
  const at = (source: Source | undefined, field: string) =>
    source
      ? { sheet: source.table.sheet, cell: cellOf(source.table, source.row, field), row: source.row }
      : {};
  const uncounted = new Map<string, { results: StocktakeResult[] }>();

  for (const r of results) {
    const subject = t(r.assetNo === undefined ? MSG.subjectNoNumber : MSG.subject, {
      name: r.name || "?",
      no: r.assetNo,
    });
    const data = {
      status: r.status,
      assetNo: r.assetNo ?? null,
      name: r.name,
      room: r.room,
      bookQuantity: r.bookQuantity,
      countedQuantity: r.countedQuantity,
      surplusValue: r.surplusValue ?? null,
      shortageValue: r.shortageValue ?? null,
    };
    const firstLedger = r.ledger[0] === undefined ? undefined : ledgerSources[r.ledger[0]];
    const firstCounted = r.counted[0] === undefined ? undefined : countedSources[r.counted[0]];
    const value = (fen: Fen | undefined) => (fen === undefined ? "" : t(MSG.value, { amount: money(fen) }));
    switch (r.status) {
      case "surplus":
        findings.push({
          rule: "assets/stocktake-surplus",
          severity: "warning",
          message: t(MSG.surplus, {
            room: r.room,
            subject,
            qty: r.countedQuantity,
            value: value(r.surplusValue),
          }),
          clause: CLAUSE,
          ...at(firstCounted, r.name === "" ? "assetNo" : "name"),
          data,
        });
        break;
      case "shortage":
        findings.push({
          rule: "assets/stocktake-shortage",
          severity: "error",
          message: t(MSG.shortage, {
            subject,
            where: r.room === "" ? "" : t(MSG.where, { room: r.room }),
            qty: r.bookQuantity,
            value: value(r.shortageValue),
          }),
          clause: CLAUSE,
          ...at(firstLedger, "name"),
          data,
        });
        break;
      case "uncounted": {
        const entry = uncounted.get(r.room) ?? { results: [] };
        entry.results.push(r);
        uncounted.set(r.room, entry);
        break;
      }
      case "misplaced": {
        // At the line counted elsewhere.
        const elsewhere = r.counted.find((i) => roomKey(counted[i]?.room ?? "") !== roomKey(r.room));
        findings.push({
          rule: "assets/stocktake-misplaced",
          severity: "info",
          message: t(MSG.misplaced, { subject, room: r.room, countedRoom: r.countedRoom }),
          clause: CLAUSE,
          ...at(elsewhere === undefined ? firstCounted : countedSources[elsewhere], "room"),
          data: { ...data, countedRoom: r.countedRoom ?? null },
        });
        if (r.difference !== 0) findings.push(quantityFinding(r, subject, firstCounted));
        break;
      }
      case "quantity":
        findings.push(quantityFinding(r, subject, firstCounted));
        break;
      case "matched":
        break;
    }
  }

  function quantityFinding(r: StocktakeResult, subject: string, source: Source | undefined): Finding {
    const over = r.difference > 0;
    const fen = over ? r.surplusValue : r.shortageValue;
    return {
      rule: "assets/stocktake-quantity",
      severity: "warning",
      message: t(MSG.quantity, {
        subject,
        room: r.room,
        book: r.bookQuantity,
        counted: r.countedQuantity,
        kind: t(over ? MSG.surplusWord : MSG.shortageWord),
        abs: Math.abs(r.difference),
        value: fen === undefined ? "" : t(MSG.value, { amount: money(fen) }),
      }),
      clause: CLAUSE,
      ...at(source, "counted"),
      data: {
        status: r.status,
        assetNo: r.assetNo ?? null,
        name: r.name,
        room: r.room,
        bookQuantity: r.bookQuantity,
        countedQuantity: r.countedQuantity,
        difference: r.difference,
        surplusValue: r.surplusValue ?? null,
        shortageValue: r.shortageValue ?? null,
      },
    };
  }

  for (const [room, { results: list }] of uncounted) {
    const first = list[0]?.ledger[0];
    const values = list.map((r) => r.bookValue);
    const priced = values.every((v) => v !== undefined);
    findings.push({
      rule: "assets/stocktake-room-not-counted",
      severity: "info",
      message: t(MSG.uncounted, {
        room,
        count: list.length,
        value: priced ? t(MSG.bookValue, { amount: money(sumFen(values as Fen[])) }) : "",
      }),
      clause: CLAUSE,
      ...at(first === undefined ? undefined : ledgerSources[first], "room"),
      data: { room, lines: list.length },
    });
  }

  ctx.report(reconciliationReport(results, ctx.lang));
  return findings;
}

type Row = Record<string, string | number | null>;

/** The reconciliation sheet: per room its items, then its totals; a grand total at the end. */
function reconciliationReport(results: readonly StocktakeResult[], lang: CheckContext["lang"]): Report {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, lang, params);
  const byRoom = new Map<string, StocktakeResult[]>();
  for (const r of results) {
    const list = byRoom.get(r.room) ?? [];
    list.push(r);
    byRoom.set(r.room, list);
  }
  const yuan = (fen: Fen | undefined) => (fen === undefined ? null : fenToYuan(fen));
  const total = (list: readonly StocktakeResult[], key: "bookValue" | "surplusValue" | "shortageValue") =>
    sumFen(list.map((r) => r[key] ?? 0));
  const totalsRow = (label: string, list: readonly StocktakeResult[], room: string | null): Row => {
    const book = total(list, "bookValue");
    const surplus = total(list, "surplusValue");
    const shortage = total(list, "shortageValue");
    return {
      room: label,
      assetNo: null,
      name: null,
      status: null,
      bookQuantity: null,
      countedQuantity: null,
      difference: null,
      unitPrice: null,
      bookValue: fenToYuan(book),
      surplusValue: fenToYuan(surplus),
      shortageValue: fenToYuan(shortage),
      note: list.some((r) => r.status !== "uncounted" && r.shortageValue === undefined)
        ? t(tr("含未计价项目", "some items unpriced"))
        : null,
      totalFor: room,
      bookValueFen: book,
      surplusValueFen: surplus,
      shortageValueFen: shortage,
    };
  };

  const rows: Row[] = [];
  for (const [room, list] of byRoom) {
    const label = room === "" ? t(tr("（未填地点）", "(no room)")) : room;
    const counted = list.filter((r) => r.status !== "uncounted");
    if (counted.length === 0) {
      rows.push({
        ...totalsRow(label, list, room),
        status: t(STATUS.uncounted),
        note: t(tr("本次盘点未包括该房间，共 {count} 项", "not in this count; {count} lines"), {
          count: list.length,
        }),
      });
      continue;
    }
    for (const r of list) {
      const notes: string[] = [];
      if (r.status === "misplaced")
        notes.push(t(tr("在{room}找到", "found in {room}"), { room: r.countedRoom }));
      if (r.matchedBy === "name-room") notes.push(t(tr("按名称和地点匹配", "matched by name and room")));
      if (r.surplusValue === undefined && r.status !== "uncounted")
        notes.push(t(tr("单价不详，未计价", "no unit price")));
      rows.push({
        room: label,
        assetNo: r.assetNo ?? null,
        name: r.name,
        status: t(STATUS[r.status]),
        bookQuantity: r.bookQuantity,
        countedQuantity: r.status === "uncounted" ? null : r.countedQuantity,
        difference: r.status === "uncounted" ? null : r.difference,
        unitPrice: yuan(r.unitPrice),
        bookValue: yuan(r.bookValue),
        surplusValue: yuan(r.surplusValue),
        shortageValue: yuan(r.shortageValue),
        note: notes.length > 0 ? notes.join("；") : null,
        statusId: r.status,
        bookValueFen: r.bookValue ?? null,
        surplusValueFen: r.surplusValue ?? null,
        shortageValueFen: r.shortageValue ?? null,
      });
    }
    rows.push(totalsRow(t(tr("{room} 小计", "{room} subtotal"), { room: label }), list, room));
  }
  rows.push(totalsRow(t(tr("合计", "Total")), results, null));

  return {
    id: "assets.stocktake",
    title: tr("账物核对表", "Stocktake reconciliation"),
    sheetName: tr("账物核对表", "Stocktake"),
    columns: [
      { key: "room", title: tr("存放地点", "Room"), width: 14 },
      { key: "assetNo", title: tr("资产编号", "Asset no.") },
      { key: "name", title: tr("资产名称", "Name"), width: 20 },
      { key: "status", title: tr("核对结果", "Result"), width: 12 },
      { key: "bookQuantity", title: tr("账面数量", "Book qty") },
      { key: "countedQuantity", title: tr("实盘数量", "Counted") },
      { key: "difference", title: tr("差异", "Difference") },
      { key: "unitPrice", title: tr("单价（元）", "Unit price (yuan)"), width: 12 },
      { key: "bookValue", title: tr("账面金额（元）", "Book value (yuan)"), width: 14 },
      { key: "surplusValue", title: tr("盘盈金额（元）", "Surplus (yuan)"), width: 14 },
      { key: "shortageValue", title: tr("盘亏金额（元）", "Shortage (yuan)"), width: 14 },
      { key: "note", title: tr("说明", "Note"), width: 20 },
    ],
    rows,
  };
}

/** The stocktake check as the apps run it. */
export const stocktakeCheck: Check = {
  id: "assets/stocktake",
  title: tr("账物核对", "Stocktake reconciliation"),
  kinds: [stocktake, assetLedger],
  run: checkStocktake,
};
