import { type Cell, isBlankCell, normalizeText } from "@houqin/core";
import { columnNumber } from "./address.js";
import { normalizeHeader } from "./normalizeHeader.js";
import type { FieldMap, TableKind } from "./tableKind.js";
import type { CellRange, SheetData } from "./workbook.js";

/** A table found in a sheet: its kind, where its header and data are, and which column holds each field. */
export interface RecognizedTable<F extends FieldMap = FieldMap> {
  sheet: string;
  kind: TableKind<F>;
  /** The 1-based header row (the lower row of a two-row header). */
  headerRow: number;
  /** The first and last data rows, 1-based and inclusive. lastRow < firstRow for an empty table. */
  firstRow: number;
  lastRow: number;
  /** The 1-based column of each mapped field. */
  columns: Partial<Record<keyof F & string, number>>;
  /** The totals row (合计/总计) that ended the table, if any. */
  totalsRow?: number;
  /** Rows inside the table that are subtotals (小计) or repeated headers, skipped as data. */
  skippedRows: readonly number[];
  /** With `kind.otherColumns`: the headed columns no field claims, left to right. */
  otherColumns?: readonly OtherColumn[];
}

/** A column of a table that no field of its kind claims (kept for kinds with `otherColumns`). */
export interface OtherColumn {
  /** The 1-based column. */
  column: number;
  /** Its header text as written (the lower row of a two-row header, else the group). */
  header: string;
}

/** A user's correction of how one sheet is read, from the settings sheet. */
export interface TableOverride {
  /** Read the sheet as this kind (id). */
  kind?: string;
  /** The header row. */
  headerRow?: number;
  /** Columns by field key or field title, as letters ("E"). */
  columns?: Readonly<Record<string, string>>;
  /** Do not read this sheet. */
  ignore?: boolean;
  /** The settings cells this correction was written in, for findings about it. */
  source?: readonly { key: string; cell: string; row: number }[];
}

/** How far below the start (or the previous table) a header row is looked for. */
const HEADER_SCAN_ROWS = 100;
/** This many blank rows in a row end a table, unless the rows after them are plainly more data. */
const BLANK_GAP = 2;

/**
 * 合计, 总计, 累计 alone or after a period or a group: 本月合计, 本年累计, 本页合计, 9月合计, 2023年9月合计,
 * 三年级合计, 总务处合计; or Total / Grand total. Not a line whose text merely ends so (发放9月工资合计).
 */
const TOTALS_RE =
  /^((本|当|全|上)?(日|周|月|季|季度|年|年度|页|期)|[\d一二三四五六七八九十〇]+(年|月|日|季度|周)([\d一二三四五六七八九十]+(月|日))*|.{0,6}(班|级|年级|部|处|室|组|科|校区))?(合计|总计|累计)$|^(共计|total|grandtotal|totals)$/;
/** A signature or note line under a form: 制表人：王老师, 审核：, 备注：, Prepared by: … */
const FOOTER_RE =
  /^(制表人?|审核人?|审批人?|经办人?|负责人|填表人?|复核人?|会计|出纳|校长|主管|备注|说明|注|prepared by|checked by|approved by|notes?)\s*[:：]/i;

/** 小计, 三(2)班小计, Subtotal. */
const SUBTOTAL_RE = /^(.{0,10}小计|subtotal)$/;

interface Grid {
  name: string;
  rows: number;
  cols: number;
  text(r: number, c: number): string;
  /**
   * What text(r, c) normalises, not normalised (and not blanked): it holds every Chinese character
   * text(r, c) does, for a quick look before text or header are worked out.
   */
  raw(r: number, c: number): string;
  /** The cell's text as headers are compared: normalizeHeader(text(r, c)). */
  header(r: number, c: number): string;
  /** The header label as headers are compared: normalizeHeader(label(r, c)). */
  headerLabel(r: number, c: number): string;
  /** The cell as read, for the few places that must know whether a value reads as its field's. */
  cell(r: number, c: number): Cell | undefined;
  label(r: number, c: number): string;
  group(r: number, c: number): string;
  mergeBottom(r: number, c: number): number;
  blank(r: number): boolean;
}

function makeGrid(sheet: SheetData): Grid {
  const rows = sheet.rows.length;
  let cols = 0;
  for (const row of sheet.rows) cols = Math.max(cols, row.length);
  const mergeAt = new Map<number, CellRange>();
  for (const m of sheet.merges) {
    if (m.top > HEADER_SCAN_ROWS * 4 && m.bottom - m.top > 50) continue;
    for (let r = m.top; r <= Math.min(m.bottom, m.top + 50); r++)
      for (let c = m.left; c <= m.right; c++) mergeAt.set(r * 20000 + c, m);
  }
  // A cell's text is asked for many times (blank rows, totals, footers, repeated headers): worked out
  // once per cell and kept, by row then column.
  const memo = (compute: (r: number, c: number) => string) => {
    const kept: string[][] = [];
    return (r: number, c: number): string => {
      let row = kept[r];
      if (row === undefined) {
        row = [];
        kept[r] = row;
      }
      let value = row[c];
      if (value === undefined) {
        value = compute(r, c);
        row[c] = value;
      }
      return value;
    };
  };
  const raw = (r: number, c: number): string => {
    const cell = sheet.rows[r - 1]?.[c - 1];
    if (!cell) return "";
    return cell.text !== "" ? cell.text : String(cell.value ?? "");
  };
  const text = memo((r, c) => {
    const cell = sheet.rows[r - 1]?.[c - 1];
    if (!cell || isBlankCell(cell)) return "";
    return normalizeText(raw(r, c));
  });
  const label = (r: number, c: number): string => {
    const m = mergeAt.get(r * 20000 + c);
    if (!m) return text(r, c);
    if (c !== m.left) return "";
    return text(m.top, m.left);
  };
  return {
    name: sheet.name,
    rows,
    cols,
    text,
    raw,
    header: memo((r, c) => normalizeHeader(text(r, c))),
    headerLabel: memo((r, c) => normalizeHeader(label(r, c))),
    cell: (r, c) => sheet.rows[r - 1]?.[c - 1],
    // A header cell's own label; a horizontal merge labels only its left column, a vertical one every row.
    label,
    // The group header above: a horizontal merge on the row above that does not reach this row.
    group(r, c) {
      if (r < 2) return "";
      const m = mergeAt.get((r - 1) * 20000 + c);
      if (!m || m.right === m.left || m.bottom >= r) return "";
      return text(m.top, m.left);
    },
    mergeBottom(r, c) {
      return mergeAt.get(r * 20000 + c)?.bottom ?? r;
    },
    blank(r) {
      const row = sheet.rows[r - 1];
      return !row || row.every((cell) => isBlankCell(cell));
    },
  };
}

interface Candidate {
  kind: TableKind;
  headerRow: number;
  columns: Record<string, number>;
  matched: number;
  score: number;
}

function matchScore(header: string, synonyms: readonly string[]): number {
  if (header === "") return 0;
  let best = 0;
  for (const syn of synonyms) {
    if (syn === "") continue;
    if (header === syn) best = Math.max(best, 1000 + syn.length);
    else if (syn.length >= 2 && header.includes(syn))
      best = Math.max(best, syn.length * 10 - (header.length - syn.length));
  }
  return best;
}

/** A field's header synonyms and the words that rule a header out, normalised once per kind. */
interface FieldWords {
  synonyms: string[];
  excludes: string[];
}

const synonymCache = new WeakMap<TableKind, Map<string, FieldWords>>();
function normalizedSynonyms(kind: TableKind): Map<string, FieldWords> {
  let map = synonymCache.get(kind);
  if (!map) {
    map = new Map();
    for (const [key, f] of Object.entries(kind.fields)) {
      const all = [...f.synonyms, f.title["zh-CN"], f.title.en].map(normalizeHeader).filter((s) => s !== "");
      map.set(key, { synonyms: [...new Set(all)], excludes: (f.excludes ?? []).map(normalizeHeader) });
    }
    synonymCache.set(kind, map);
  }
  return map;
}

function assignColumns(grid: Grid, r: number, kind: TableKind): Candidate | undefined {
  const synonyms = normalizedSynonyms(kind);
  const triples: { key: string; col: number; score: number }[] = [];
  // A header labels at least two columns of its own; a title or a note merged across the sheet does not.
  let labelled = 0;
  for (let c = 1; c <= grid.cols && labelled < 2; c++) if (grid.label(r, c) !== "") labelled++;
  if (labelled < 2) return undefined;
  for (let c = 1; c <= grid.cols; c++) {
    const label = grid.headerLabel(r, c);
    const group = normalizeHeader(grid.group(r, c));
    const texts = group === "" ? [label] : [label, group + label, ...(label === "" ? [group] : [])];
    if (texts.every((t) => t === "")) continue;
    for (const [key, words] of synonyms) {
      if (words.excludes.some((w) => texts.some((t) => t.includes(w)))) continue;
      let score = 0;
      for (const t of texts) score = Math.max(score, matchScore(t, words.synonyms));
      if (score > 0) triples.push({ key, col: c, score });
    }
  }
  triples.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Record<string, number> = {};
  const usedCols = new Set<number>();
  let score = 0;
  for (const t of triples) {
    if (t.key in columns || usedCols.has(t.col)) continue;
    columns[t.key] = t.col;
    usedCols.add(t.col);
    score += t.score;
  }
  const matched = Object.keys(columns).length;
  if (matched < 2) return undefined;
  for (const [key, f] of Object.entries(kind.fields)) if (f.required && !(key in columns)) return undefined;
  return { kind, headerRow: r, columns, matched, score };
}

/**
 * Text that TOTALS_RE or SUBTOTAL_RE could match once normalised holds 计 or a t: each of their words
 * has one, and normalizeHeader makes neither from anything else (only ｔ, T and Ｔ become t). Text
 * without one is no total, and its header form need not be worked out.
 */
const TOTAL_WORD_HINT = /[计tTｔＴ]/;

/** Whether one of a row's first text cells says it is a total (TOTALS_RE) or a subtotal (SUBTOTAL_RE). */
function rowMatches(grid: Grid, r: number, re: RegExp): boolean {
  let seen = 0;
  for (let c = 1; c <= grid.cols && seen < 3; c++) {
    const text = grid.text(r, c);
    if (text === "") continue;
    seen++;
    if (TOTAL_WORD_HINT.test(text) && re.test(grid.header(r, c))) return true;
  }
  return false;
}

function isFooter(grid: Grid, r: number): boolean {
  for (let c = 1; c <= grid.cols; c++) {
    const t = grid.text(r, c);
    if (t !== "") return FOOTER_RE.test(t);
  }
  return false;
}

/** A header cell of a table, as a repeated header row is compared with it. */
interface HeaderLabel {
  col: number;
  /** Its header form (normalizeHeader of its label). */
  label: string;
  /**
   * The Chinese characters of the label: normalizeText and normalizeHeader keep Chinese characters and
   * make none, so a cell whose raw text lacks one of them cannot have the label as its header form.
   */
  han: readonly string[];
}

const HAN_RE = /\p{Script=Han}/gu;

function headerLabels(grid: Grid, cand: Candidate): HeaderLabel[] {
  return Object.values(cand.columns).map((col) => {
    const label = grid.headerLabel(cand.headerRow, col);
    return { col, label, han: [...new Set(label.match(HAN_RE))] };
  });
}

function repeatsHeader(grid: Grid, r: number, labels: readonly HeaderLabel[]): boolean {
  let same = 0;
  for (const { col, label, han } of labels) {
    if (label === "") continue;
    const raw = grid.raw(r, col);
    if (han.every((ch) => raw.includes(ch)) && grid.header(r, col) === label) same++;
  }
  return labels.length > 0 && same * 2 > labels.length;
}

/**
 * A row with nothing in any of the table's columns (a pre-numbered template row counts). A blank row
 * is one of these: its cells' texts are all "".
 */
function blankForTable(grid: Grid, r: number, cols: readonly number[]): boolean {
  for (const col of cols) if (grid.text(r, col) !== "") return false;
  return true;
}

/** A row that has every required field of the table filled: plainly more data. */
function looksLikeData(grid: Grid, r: number, cand: Candidate): boolean {
  const required = Object.entries(cand.kind.fields).filter(([, f]) => f.required);
  return required.every(([key]) => {
    const col = cand.columns[key];
    return col !== undefined && grid.text(r, col) !== "";
  });
}

/** Whether the first non-blank row after a totals row is plainly more data of the same table. */
function moreDataAfter(grid: Grid, r: number, cand: Candidate, kinds: readonly TableKind[]): boolean {
  // 本月合计 then 本年累计: look past the totals to the row after them. A blank row after a total ends
  // the table, whatever follows it.
  let next = r + 1;
  while (next <= grid.rows && !grid.blank(next) && rowMatches(grid, next, TOTALS_RE)) next++;
  if (next > grid.rows || grid.blank(next)) return false;
  return readsAsData(grid, next, cand) && !isFooter(grid, next) && !candidateAt(grid, next, kinds);
}

/** A row whose required cells all read as their fields' values: a date is a date, not "负责人：王芳". */
function readsAsData(grid: Grid, r: number, cand: Candidate): boolean {
  return Object.entries(cand.kind.fields).every(([key, f]) => {
    if (!f.required) return true;
    const col = cand.columns[key];
    const cell = col === undefined ? undefined : grid.cell(r, col);
    if (!cell || isBlankCell(cell)) return false;
    return f.schema.safeParse({ ...cell, dateSystem: "1900", defaultYear: 2000 }).success;
  });
}

function findEnd(
  grid: Grid,
  firstRow: number,
  cand: Candidate,
  kinds: readonly TableKind[],
): { lastRow: number; totalsRow?: number; skipped: number[] } {
  let lastRow = firstRow - 1;
  let blankRun = 0;
  const skipped: number[] = [];
  const cols = Object.values(cand.columns);
  const labels = headerLabels(grid, cand);
  for (let r = firstRow; r <= grid.rows; r++) {
    if (blankForTable(grid, r, cols)) {
      blankRun++;
      if (!grid.blank(r) && !rowMatches(grid, r, TOTALS_RE)) skipped.push(r);
      else if (!grid.blank(r)) {
        // A total labelled outside the table's columns: the same rule as one inside them.
        if (!moreDataAfter(grid, r, cand, kinds)) return { lastRow, totalsRow: r, skipped };
        skipped.push(r);
        blankRun = 0;
      }
      continue;
    }
    if (blankRun >= BLANK_GAP) {
      // After a gap, go on only with rows that are plainly more of the same table.
      if (rowMatches(grid, r, TOTALS_RE) || candidateAt(grid, r, kinds) || !looksLikeData(grid, r, cand))
        break;
    }
    blankRun = 0;
    if (rowMatches(grid, r, TOTALS_RE)) {
      // A month's or a day's total with more of the table after it (9月合计, then October) is a
      // subtotal; a total with nothing like data after it ends the table.
      if (!moreDataAfter(grid, r, cand, kinds)) return { lastRow, totalsRow: r, skipped };
      skipped.push(r);
      continue;
    }
    if (isFooter(grid, r)) break;
    if (rowMatches(grid, r, SUBTOTAL_RE) || repeatsHeader(grid, r, labels)) {
      skipped.push(r);
      continue;
    }
    lastRow = r;
  }
  return { lastRow, skipped: skipped.filter((r) => r < lastRow) };
}

/** Whether the sheet's name carries one of the kind's hints or its title ("收费标准" for a fee schedule). */
function sheetHinted(sheetName: string, kind: TableKind): boolean {
  const name = normalizeHeader(sheetName);
  const hints = [...(kind.sheetHints ?? []), kind.title["zh-CN"], kind.title.en].map(normalizeHeader);
  return hints.some((h) => h !== "" && name.includes(h));
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  return !b || a.matched > b.matched || (a.matched === b.matched && a.score > b.score);
}

function candidateAt(grid: Grid, r: number, kinds: readonly TableKind[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const kind of kinds) {
    const cand = assignColumns(grid, r, kind);
    if (!cand) continue;
    const hinted = sheetHinted(grid.name, kind);
    // A kind that needs one of some columns takes a sheet without them only when the sheet's name says so.
    if (kind.requiresOneOf && !hinted && !kind.requiresOneOf.some((key) => key in cand.columns)) continue;
    // The sheet's name breaks a tie between kinds that map as many columns.
    if (hinted) cand.score += 500;
    if (better(cand, best)) best = cand;
  }
  return best;
}

function applyOverride(
  grid: Grid,
  kinds: readonly TableKind[],
  override: TableOverride,
): Candidate | undefined {
  const named = override.kind === undefined ? undefined : kindNamed(kinds, override.kind);
  const pool = named ? [named] : kinds;
  if (pool.length === 0) return undefined;
  let cand: Candidate | undefined;
  if (override.headerRow !== undefined) {
    cand = candidateAt(grid, override.headerRow, pool);
    if (!cand) {
      const kind = pool[0] as TableKind;
      cand = { kind, headerRow: override.headerRow, columns: {}, matched: 0, score: 0 };
    }
  } else {
    for (let r = 1; r <= Math.min(grid.rows, HEADER_SCAN_ROWS) && !cand; r++)
      cand = candidateAt(grid, r, pool);
    if (!cand && override.columns) {
      const kind = pool[0] as TableKind;
      cand = { kind, headerRow: 1, columns: {}, matched: 0, score: 0 };
    }
  }
  if (!cand) return undefined;
  if (override.columns) {
    const columns = { ...cand.columns };
    for (const [name, letters] of Object.entries(override.columns)) {
      const key = fieldKeyOf(cand.kind, name);
      const col = columnNumber(letters);
      if (key === undefined || col === undefined) continue;
      for (const [k, c] of Object.entries(columns)) if (c === col) delete columns[k];
      columns[key] = col;
    }
    cand = { ...cand, columns, matched: Object.keys(columns).length };
  }
  return cand;
}

/** The kind a user names by its id ("finance.charges") or its title ("收费明细", "Charges"). */
export function kindNamed(kinds: readonly TableKind[], name: string): TableKind | undefined {
  const n = normalizeHeader(name);
  return kinds.find(
    (k) =>
      k.id === name.trim() || normalizeHeader(k.title["zh-CN"]) === n || normalizeHeader(k.title.en) === n,
  );
}

/** The key of a field named by its key or by one of its titles or synonyms. */
export function fieldKeyOf(kind: TableKind, name: string): string | undefined {
  if (name in kind.fields) return name;
  const n = normalizeHeader(name);
  for (const [key, words] of normalizedSynonyms(kind))
    if (key.toLowerCase() === n || words.synonyms.includes(n)) return key;
  return undefined;
}

/** The headed columns of a candidate's header row that none of its fields claims. */
function otherColumnsOf(grid: Grid, cand: Candidate): OtherColumn[] {
  const mapped = new Set(Object.values(cand.columns));
  const others: OtherColumn[] = [];
  for (let c = 1; c <= grid.cols; c++) {
    if (mapped.has(c)) continue;
    const header = (grid.label(cand.headerRow, c).trim() || grid.group(cand.headerRow, c).trim()).trim();
    if (header !== "") others.push({ column: c, header });
  }
  return others;
}

/**
 * Finds the tables of the given kinds in a sheet: the header row under title rows, merged cells and
 * blank rows (a two-row header with a merged group header is read as one), the columns by their
 * Chinese or English names, and the end of each table at a blank gap or a totals row.
 *
 * @param sheet the sheet as read from the workbook
 * @param kinds the table kinds to look for
 * @param override the user's correction from the settings sheet, if any
 * @returns the tables found, top to bottom
 * @example
 * const [table] = recognizeTables(sheet, [feeSchedule, charges]);
 * table?.kind.id // "finance.charges"
 */
export function recognizeTables(
  sheet: SheetData,
  kinds: readonly TableKind[],
  override?: TableOverride,
): RecognizedTable[] {
  if (override?.ignore) return [];
  const grid = makeGrid(sheet);
  const tables: RecognizedTable[] = [];
  const build = (cand: Candidate): RecognizedTable => {
    let firstRow = cand.headerRow + 1;
    for (const col of Object.values(cand.columns))
      firstRow = Math.max(firstRow, grid.mergeBottom(cand.headerRow, col) + 1);
    const end = findEnd(grid, firstRow, cand, kinds);
    return {
      sheet: sheet.name,
      kind: cand.kind,
      headerRow: cand.headerRow,
      firstRow,
      lastRow: end.lastRow,
      columns: cand.columns,
      ...(end.totalsRow === undefined ? {} : { totalsRow: end.totalsRow }),
      skippedRows: end.skipped,
      ...(cand.kind.otherColumns ? { otherColumns: otherColumnsOf(grid, cand) } : {}),
    };
  };
  if (override && (override.kind || override.headerRow !== undefined || override.columns)) {
    const cand = applyOverride(grid, kinds, override);
    return cand ? [build(cand)] : [];
  }
  let r = 1;
  let scanUntil = HEADER_SCAN_ROWS;
  while (r <= grid.rows && r <= scanUntil) {
    let cand = candidateAt(grid, r, kinds);
    if (!cand) {
      r++;
      continue;
    }
    // The row below may be the real header: the sub-headers under a merged group header.
    const below = candidateAt(grid, r + 1, kinds);
    if (
      below &&
      (below.matched > cand.matched || (below.matched === cand.matched && below.score > cand.score))
    )
      cand = below;
    const table = build(cand);
    tables.push(table);
    r = Math.max(table.lastRow, table.totalsRow ?? 0, table.firstRow) + 1;
    scanUntil = r + HEADER_SCAN_ROWS;
  }
  return tables;
}
