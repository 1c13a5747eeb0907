import { readFile, writeFile } from "node:fs/promises";
import type { DateSystem } from "@houqin/core";
import { HouqinError } from "@houqin/core";
import { cellAddress, parseCellAddress } from "./address.js";
import { WorkbookOpenError } from "./openErrors.js";
import { assertSheetName } from "./sheetNames.js";
import type {
  CellDecoration,
  CellMark,
  CellWrite,
  OutCell,
  SheetData,
  SheetInfo,
  Workbook,
  WriteSheetOptions,
} from "./workbook.js";
import { applyNotes, type NoteChange, readNotes, readThreadedRefs, type StoredNote } from "./xlsx/notes.js";
import {
  type CellPatch,
  fromShell,
  legacyDrawingId,
  patchSheetCells,
  sheetShell,
  visitSheetCells,
  withLegacyDrawing,
  withoutLegacyDrawing,
} from "./xlsx/sheetEdit.js";
import { type LinkTarget, readSharedStrings, readSheetLinks, readSheetXml } from "./xlsx/sheetRead.js";
import { writeSheetXml } from "./xlsx/sheetWrite.js";
import { MINIMAL_STYLES, Styles } from "./xlsx/styles.js";
import {
  attribute,
  escapeXml,
  MAIN_NS,
  namespacePrefix,
  REL_NS,
  rootPrefix,
  withAttribute,
  XML_DECLARATION,
} from "./xlsx/xml.js";
import {
  CONTENT_TYPE,
  ensureDefaultContentType,
  freeRelationshipId,
  REL,
  type Relationship,
  readRelationships,
  relativeTarget,
  relsPathOf,
  removeContentType,
  setContentType,
  targetPath,
  writeRelationships,
  ZipPackage,
} from "./xlsx/zipPackage.js";

/** Where an internal hyperlink of a sheet leads: a sheet and a cell of the same workbook. */
export type XlsxLinkTarget = LinkTarget;

/** A sheet of the workbook part, in workbook order. */
interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's part; undefined when its relationship leads nowhere. */
  path: string | undefined;
  /** Only worksheets are read and listed; chart and dialog sheets are kept as they are. */
  worksheet: boolean;
  /** Its position when the file was read, for the sheet-local defined names; undefined for a new sheet. */
  originalIndex: number | undefined;
}

const CORE_PATH = "xl/workbook.xml";

/**
 * A workbook held in an .xlsx file, read and edited in place.
 *
 * Reading gives values as Excel stores them (dates as serial numbers in the workbook's date system,
 * formulas as their cached results), straight from the sheet's XML. Writing changes only the parts it
 * must: the sheets houqin writes, and the fill and note of the cells it marks (a new cell style, a
 * note in the sheet's comments). Every other part of the file — the values and formulas of the user's
 * cells, charts, pivot tables, images, defined names — is saved byte for byte as it was.
 *
 * @example
 * const workbook = await XlsxWorkbook.fromFile("school.xlsx");
 * const sheet = await workbook.readSheet("收费明细");
 * await workbook.markCells("收费明细", [{ address: "C17", color: "FFFFC7CE", note: "未审批的收费项目" }]);
 * await workbook.saveAs("school.checked.xlsx");
 */
export class XlsxWorkbook implements Workbook {
  readonly #pkg: ZipPackage;
  readonly #workbookPath: string;
  readonly #workbookXml: string;
  readonly #rels: Relationship[];
  readonly #sheets: SheetEntry[];
  readonly #styles: Styles;
  readonly #stylesPath: string;
  readonly #dateSystem: DateSystem;
  #strings: string[] | undefined;
  #structureChanged = false;
  /** Notes as the file held them, by sheet and address, to put back exactly. */
  readonly #originalNotes = new Map<string, StoredNote>();

  private constructor(pkg: ZipPackage) {
    this.#pkg = pkg;
    const root = readRelationships(pkg, "");
    const office = root.find((r) => r.type === REL.officeDocument);
    this.#workbookPath = (office && targetPath("", office)) || CORE_PATH;
    const xml = pkg.read(this.#workbookPath);
    if (xml === undefined) throw new WorkbookOpenError("not-a-workbook", {});
    this.#workbookXml = xml;
    this.#rels = readRelationships(pkg, this.#workbookPath);
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
    const date1904 = pr === undefined ? undefined : attribute(pr, "date1904");
    this.#dateSystem = date1904 === "1" || date1904 === "true" ? "1904" : "1900";
    const relPrefix = namespacePrefix(xml, REL_NS) ?? "r";
    this.#sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(([tag], index) => {
      const rId = attribute(tag, `${relPrefix}:id`) ?? "";
      const rel = this.#rels.find((r) => r.id === rId);
      const state = attribute(tag, "state");
      return {
        name: attribute(tag, "name") ?? "",
        sheetId: Number(attribute(tag, "sheetId") ?? index + 1),
        rId,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        path: rel ? targetPath(this.#workbookPath, rel) : undefined,
        worksheet: rel?.type === REL.worksheet,
        originalIndex: index,
      };
    });
    const stylesRel = this.#rels.find((r) => r.type === REL.styles);
    this.#stylesPath = (stylesRel && targetPath(this.#workbookPath, stylesRel)) || "xl/styles.xml";
    const stylesXml = pkg.read(this.#stylesPath);
    this.#styles = new Styles(stylesXml);
    if (stylesXml === undefined) {
      pkg.write(this.#stylesPath, MINIMAL_STYLES);
      setContentType(
        pkg,
        this.#stylesPath,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
      );
      this.#rels.push({
        id: freeRelationshipId(this.#rels),
        type: REL.styles,
        target: relativeTarget(this.#workbookPath, this.#stylesPath),
        external: false,
      });
      this.#structureChanged = true;
    }
  }

  /**
   * A new workbook with no sheets, for houqin to write into (a schedule, a roster).
   * @example const out = XlsxWorkbook.empty(); await out.writeSheet("日程", rows); await out.saveAs("日程.xlsx");
   */
  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(ZipPackage.of(EMPTY_PACKAGE));
  }

  /**
   * Opens an .xlsx file.
   * @param path - the file's path
   * @returns the workbook
   * @throws WorkbookOpenError when the file is missing or is no readable .xlsx workbook
   * @example const workbook = await XlsxWorkbook.fromFile("school.xlsx");
   */
  static fromFile(path: string): Promise<XlsxWorkbook> {
    return openXlsx(path);
  }

  /**
   * Opens an .xlsx file's bytes.
   * @param buffer - the file's content
   * @returns the workbook
   * @throws WorkbookOpenError when the bytes are no readable .xlsx workbook
   * @example const workbook = await XlsxWorkbook.fromBuffer(await readFile("school.xlsx"));
   */
  static fromBuffer(buffer: Uint8Array): Promise<XlsxWorkbook> {
    return openXlsxBuffer(buffer);
  }

  /** @internal Opens a package whose bytes were checked to be a zip. */
  static open(pkg: ZipPackage): XlsxWorkbook {
    return new XlsxWorkbook(pkg);
  }

  /** The date system of the workbook's serial numbers ("1904" when the file says so). */
  get dateSystem(): DateSystem {
    return this.#dateSystem;
  }

  /**
   * The workbook as .xlsx bytes: the parts houqin changed, and every other part as it was.
   * @returns the bytes of the file
   * @example await writeFile("out.xlsx", await workbook.toBuffer());
   */
  async toBuffer(): Promise<Uint8Array> {
    if (this.#structureChanged) {
      this.#pkg.write(this.#workbookPath, this.#workbookPartXml());
      writeRelationships(this.#pkg, this.#workbookPath, this.#rels);
    }
    if (this.#styles.changed) this.#pkg.write(this.#stylesPath, this.#styles.toXml());
    return new Uint8Array(this.#pkg.toBuffer());
  }

  /**
   * Writes the workbook to a file. Choosing a path other than the input file is the caller's job.
   * @param path - where to write
   * @example await workbook.saveAs("school.checked.xlsx");
   */
  async saveAs(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  /**
   * The worksheets in workbook order; hidden and very hidden sheets are not visible.
   * @returns name and visibility of each sheet
   * @example (await workbook.listSheets())[0] // { name: "收费明细", visible: true }
   */
  async listSheets(): Promise<SheetInfo[]> {
    return this.#sheets
      .filter((s) => s.worksheet)
      .map((s) => ({ name: s.name, visible: s.state === "visible" }));
  }

  /**
   * Reads a sheet up to its last non-empty row; each row stops at its last non-empty cell.
   * @param name - the sheet's name
   * @returns the cells and merged ranges
   * @throws HouqinError `INVALID_ARGUMENT` when there is no such sheet
   * @example (await workbook.readSheet("收费明细")).rows[0]?.[0]?.text // "收费明细表"
   */
  async readSheet(name: string): Promise<SheetData> {
    const sheet = this.#sheet(name);
    const xml = this.#sheetBytes(sheet);
    this.#strings ??= this.#readSharedStrings();
    const { rows, merges } = readSheetXml(xml, {
      strings: this.#strings,
      styles: this.#styles,
      dateSystem: this.#dateSystem,
    });
    return { name: sheet.name, rows, merges };
  }

  /**
   * Creates a sheet, or replaces one of that name in its place, with these rows. Links are written as
   * native internal hyperlinks (a `location`, as Excel writes them), or as a HYPERLINK formula when the
   * target sheet's name holds a "!".
   * @param name - the sheet's name
   * @param rows - the cells, row 1 first
   * @param options - hidden, column widths, frozen header rows
   * @throws HouqinError `INVALID_ARGUMENT` for a name Excel does not allow (empty, over 31 characters, one of : \ / ? * [ ])
   * @example await workbook.writeSheet("检查结果", [[{ text: "规则", bold: true }], ["finance/unapproved-fee"]]);
   */
  async writeSheet(
    name: string,
    rows: readonly (readonly OutCell[])[],
    options: WriteSheetOptions = {},
  ): Promise<void> {
    assertSheetName(name);
    const xml = writeSheetXml(rows, options, this.#styles);
    const old = this.#find(name);
    let sheet: SheetEntry;
    if (old?.worksheet && old.path !== undefined) {
      this.#dropSheetParts(old);
      this.#forgetNotes(old.name);
      old.name = name;
      sheet = old;
    } else {
      if (old) this.#removeSheet(old);
      sheet = this.#addSheet(name);
    }
    sheet.state = options.hidden ? "hidden" : "visible";
    this.#pkg.write(sheet.path as string, xml);
    this.#structureChanged = true;
    this.#dropCalcChain();
  }

  /**
   * Writes values into cells of a sheet, creating the sheet (visible, at the end) when there is none;
   * each cell keeps its style.
   * @param name - the sheet's name
   * @param cells - address and value of each cell
   * @throws HouqinError `INVALID_ARGUMENT` for a bad address or a name Excel does not allow
   * @example await workbook.setCells("设置", [{ address: "A5", value: "列:收费明细:金额" }, { address: "B5", value: "E" }]);
   */
  async setCells(name: string, cells: readonly CellWrite[]): Promise<void> {
    const patches: CellPatch[] = cells.map(({ address, value }) => ({ ...parseAddress(address), value }));
    let sheet = this.#find(name);
    if (!sheet?.worksheet) {
      assertSheetName(name);
      sheet = this.#addSheet(name);
      this.#pkg.write(sheet.path as string, writeSheetXml([], {}, this.#styles));
      this.#structureChanged = true;
    }
    this.#pkg.write(sheet.path as string, patchSheetCells(this.#sheetBytes(sheet), patches));
    this.#dropCalcChain();
  }

  /**
   * Deletes a sheet; nothing happens when there is none of that name.
   * @param name - the sheet's name
   * @example await workbook.deleteSheet("检查结果");
   */
  async deleteSheet(name: string): Promise<void> {
    const sheet = this.#find(name);
    if (!sheet?.worksheet) return;
    this.#forgetNotes(sheet.name);
    this.#removeSheet(sheet);
  }

  /**
   * The internal links of a sheet, by the address of the cell that holds them.
   * @param name - the sheet's name
   * @returns the target sheet and cell of each link
   * @example (await workbook.readLinks("检查结果")).A2 // { sheet: "收费明细", cell: "C17" }
   */
  async readLinks(name: string): Promise<Record<string, XlsxLinkTarget>> {
    const sheet = this.#sheet(name);
    const targets = new Map<string, string>();
    for (const rel of this.#relationships(sheet.path as string))
      if (rel.type === REL.hyperlink && rel.target.startsWith("#")) targets.set(rel.id, rel.target.slice(1));
    return readSheetLinks(this.#sheetXml(sheet), targets);
  }

  /**
   * The fill (as a fill token: exceljs's JSON form of the fill; null for none) and note text of these cells.
   * @param sheet - the sheet's name
   * @param addresses - A1 addresses
   * @returns one decoration per address, in order
   * @throws HouqinError `INVALID_ARGUMENT` for a missing sheet or a bad address
   * @example await workbook.readDecorations("收费明细", ["C17"]) // [{ address: "C17", fill: null, note: null }]
   */
  async readDecorations(sheet: string, addresses: readonly string[]): Promise<CellDecoration[]> {
    const entry = this.#sheet(sheet);
    const cells = addresses.map((address) => ({ address, ...parseAddress(address) }));
    const styles = new Map<string, number>();
    const bytes = this.#sheetBytes(entry, true);
    visitSheetCells(
      bytes,
      cells.map(({ address, row, column }) => ({
        row,
        column,
        style: (current) => {
          styles.set(address, current);
          return current;
        },
      })),
    );
    const parts = this.#notesParts(entry, sheetShell(bytes).xml);
    const notes = readNotes(parts.comments, parts.vml);
    return cells.map(({ address, row, column }) => {
      const canonical = cellAddress(row, column);
      const note = notes.get(canonical);
      if (note !== undefined) this.#originalNotes.set(noteKey(entry.name, canonical), note);
      return { address, fill: this.#styles.fillToken(styles.get(address) ?? 0), note: note?.text ?? null };
    });
  }

  /**
   * Gives these cells a solid fill and a note. Each marked cell gets a cell style of its own (its
   * style with the fill), so cells that shared a style with it keep theirs. A cell holding a threaded
   * comment (Excel 365) keeps it and gets the fill only.
   * @param sheet - the sheet's name
   * @param marks - address, ARGB colour and note of each mark
   * @example await workbook.markCells("收费明细", [{ address: "C17", color: "FFFFC7CE", note: "未审批" }]);
   */
  async markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    const entry = this.#sheet(sheet);
    const patches: CellPatch[] = [];
    const notes = new Map<string, NoteChange>();
    for (const mark of marks) {
      const { row, column } = parseAddress(mark.address);
      patches.push({ row, column, style: (current) => this.#styles.withSolidFill(current, mark.color) });
      notes.set(cellAddress(row, column), mark.note);
    }
    const shell = sheetShell(patchSheetCells(this.#sheetBytes(entry, true), patches));
    const xml = this.#changeNotes(entry, notes, shell.xml);
    this.#pkg.write(entry.path as string, fromShell(xml, shell.rows));
  }

  /**
   * Puts back the fills and notes read earlier by {@link XlsxWorkbook.readDecorations}.
   * @param sheet - the sheet's name
   * @param decorations - the decorations to restore
   * @example await workbook.restoreDecorations("收费明细", before);
   */
  async restoreDecorations(sheet: string, decorations: readonly CellDecoration[]): Promise<void> {
    const entry = this.#sheet(sheet);
    const patches: CellPatch[] = [];
    const notes = new Map<string, NoteChange>();
    for (const decoration of decorations) {
      const { row, column } = parseAddress(decoration.address);
      const address = cellAddress(row, column);
      patches.push({ row, column, style: (current) => this.#styles.withFillToken(current, decoration.fill) });
      const original = this.#originalNotes.get(noteKey(entry.name, address));
      notes.set(
        address,
        decoration.note === null
          ? null
          : original !== undefined && original.text === decoration.note
            ? original
            : decoration.note,
      );
    }
    const shell = sheetShell(patchSheetCells(this.#sheetBytes(entry, true), patches));
    const xml = this.#changeNotes(entry, notes, shell.xml);
    this.#pkg.write(entry.path as string, fromShell(xml, shell.rows));
  }

  // --- sheets ------------------------------------------------------------------------------------

  #find(name: string): SheetEntry | undefined {
    const exact = this.#sheets.find((s) => s.name === name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return this.#sheets.find((s) => s.name.toLowerCase() === lower);
  }

  #sheet(name: string): SheetEntry {
    const sheet = this.#find(name);
    if (!sheet?.worksheet || sheet.path === undefined)
      throw new HouqinError("INVALID_ARGUMENT", `No sheet named ${JSON.stringify(name)}`);
    return sheet;
  }

  #sheetXml(sheet: SheetEntry): string {
    const path = sheet.path as string;
    const xml = this.#read(path);
    if (xml === undefined) throw new WorkbookOpenError("corrupt", { cause: new Error(`${path} is missing`) });
    return xml;
  }

  /** A sheet's bytes (kept for the next read with `keep`: a sheet about to be marked). */
  #sheetBytes(sheet: SheetEntry, keep = false): Buffer {
    let bytes: string | Buffer | undefined;
    try {
      bytes = this.#pkg.readBytes(sheet.path as string, keep);
    } catch (error) {
      throw new WorkbookOpenError("corrupt", { cause: error });
    }
    if (bytes === undefined)
      throw new WorkbookOpenError("corrupt", { cause: new Error(`${sheet.path} is missing`) });
    return typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  }

  /** A part's text; a damaged part is a damaged file (WorkbookOpenError "corrupt"). */
  #read(path: string | undefined): string | undefined {
    if (path === undefined) return undefined;
    try {
      return this.#pkg.read(path);
    } catch (error) {
      throw new WorkbookOpenError("corrupt", { cause: error });
    }
  }

  /** The relationships of a part; damaged ones are a damaged file. */
  #relationships(path: string): Relationship[] {
    try {
      return readRelationships(this.#pkg, path);
    } catch (error) {
      throw new WorkbookOpenError("corrupt", { cause: error });
    }
  }

  #readSharedStrings(): string[] {
    const rel = this.#rels.find((r) => r.type === REL.sharedStrings);
    return readSharedStrings(this.#read(rel && targetPath(this.#workbookPath, rel)));
  }

  /** The first path of this pattern, counting from `from`, that no part has. */
  #freePath(pattern: (n: number) => string, from = 1): string {
    const taken = new Set(this.#pkg.paths().map((p) => p.toLowerCase()));
    let n = from;
    while (taken.has(pattern(n).toLowerCase())) n++;
    return pattern(n);
  }

  #addSheet(name: string): SheetEntry {
    const path = this.#freePath((n) => `xl/worksheets/sheet${n}.xml`, this.#sheets.length + 1);
    const rId = freeRelationshipId(this.#rels);
    this.#rels.push({
      id: rId,
      type: REL.worksheet,
      target: relativeTarget(this.#workbookPath, path),
      external: false,
    });
    setContentType(this.#pkg, path, CONTENT_TYPE.worksheet);
    const sheet: SheetEntry = {
      name,
      sheetId: Math.max(0, ...this.#sheets.map((s) => s.sheetId)) + 1,
      rId,
      state: "visible",
      path,
      worksheet: true,
      originalIndex: undefined,
    };
    this.#sheets.push(sheet);
    this.#structureChanged = true;
    return sheet;
  }

  #removeSheet(sheet: SheetEntry): void {
    this.#dropSheetParts(sheet);
    if (sheet.path !== undefined) {
      this.#pkg.remove(sheet.path);
      removeContentType(this.#pkg, sheet.path);
    }
    const rel = this.#rels.findIndex((r) => r.id === sheet.rId);
    if (rel >= 0) this.#rels.splice(rel, 1);
    this.#sheets.splice(this.#sheets.indexOf(sheet), 1);
    this.#structureChanged = true;
    this.#dropCalcChain();
  }

  /** Removes the notes, drawings' relationships and other parts that belong to a sheet alone. */
  #dropSheetParts(sheet: SheetEntry): void {
    if (sheet.path === undefined) return;
    for (const rel of this.#relationships(sheet.path)) {
      const path = targetPath(sheet.path, rel);
      if (path === undefined) continue;
      if (rel.type === REL.comments || rel.type === REL.vmlDrawing || rel.type === REL.threadedComment) {
        this.#pkg.remove(path);
        removeContentType(this.#pkg, path);
      }
    }
    this.#pkg.remove(relsPathOf(sheet.path));
  }

  /** Excel rebuilds the calculation chain; a stale one (a sheet gone, formulas added) makes it repair the file. */
  #dropCalcChain(): void {
    const at = this.#rels.findIndex((r) => r.type === REL.calcChain);
    if (at < 0) return;
    const path = targetPath(this.#workbookPath, this.#rels[at] as Relationship);
    if (path !== undefined) {
      this.#pkg.remove(path);
      removeContentType(this.#pkg, path);
    }
    this.#rels.splice(at, 1);
    this.#structureChanged = true;
  }

  /** The workbook part with the sheets as they are now; sheet-local names and the active tab follow their sheets. */
  #workbookPartXml(): string {
    const xml = this.#workbookXml;
    const p = rootPrefix(xml, "workbook");
    const relPrefix = namespacePrefix(xml, REL_NS) ?? "r";
    const sheets = this.#sheets
      .map(
        (s) =>
          `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.state === "visible" ? "" : ` state="${s.state}"`} ${relPrefix}:id="${escapeXml(s.rId)}"/>`,
      )
      .join("");
    const newIndex = new Map<number, number>();
    this.#sheets.forEach((s, i) => {
      if (s.originalIndex !== undefined) newIndex.set(s.originalIndex, i);
    });
    let out = xml.replace(
      new RegExp(`<${p}sheets\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}sheets>)`),
      () => `<${p}sheets>${sheets}</${p}sheets>`,
    );
    if (namespacePrefix(out, REL_NS) === undefined)
      out = out.replace(new RegExp(`<${p}workbook\\b`), (open) => `${open} xmlns:r="${REL_NS}"`);
    out = out.replace(
      new RegExp(`<${p}definedName\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}definedName>)`, "g"),
      (element) => {
        const local = /^<[^>]*>/.exec(element)?.[0] ?? "";
        const id = attribute(local, "localSheetId");
        if (id === undefined) return element;
        const index = newIndex.get(Number(id));
        if (index === undefined) return "";
        return withAttribute(local, "localSheetId", String(index)) + element.slice(local.length);
      },
    );
    out = out.replace(new RegExp(`<${p}definedNames\\b[^>]*>\\s*</${p}definedNames>`), "");
    const firstVisible = Math.max(
      0,
      this.#sheets.findIndex((s) => s.state === "visible"),
    );
    out = out.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, "g"), (view) => {
      // The active and first tabs follow their sheets; a tab whose sheet went or is hidden goes to the first visible one.
      const active = newIndex.get(Number(attribute(view, "activeTab") ?? 0));
      let tag = withAttribute(
        view,
        "activeTab",
        String(active !== undefined && this.#sheets[active]?.state === "visible" ? active : firstVisible),
      );
      const first = attribute(tag, "firstSheet");
      if (first !== undefined) {
        const index = newIndex.get(Number(first));
        tag = withAttribute(tag, "firstSheet", index === undefined ? undefined : String(index));
      }
      return tag;
    });
    return out;
  }

  // --- notes ---------------------------------------------------------------------------------------

  /** A sheet's notes parts: where they are, their text (each read once), and the cells with threaded comments. */
  #notesParts(
    sheet: SheetEntry,
    sheetXml: string,
  ): {
    rels: Relationship[];
    commentsPath: string | undefined;
    vmlPath: string | undefined;
    comments: string | undefined;
    vml: string | undefined;
    threaded: Set<string>;
  } {
    const path = sheet.path as string;
    const rels = this.#relationships(path);
    const find = (type: string) => {
      const rel = rels.find((r) => r.type === type);
      return rel && targetPath(path, rel);
    };
    const commentsPath = find(REL.comments);
    const drawingId = legacyDrawingId(sheetXml);
    // Only the drawing of <legacyDrawing> holds notes (another VML is the header's picture, <legacyDrawingHF>).
    const drawingRel = drawingId === undefined ? undefined : rels.find((r) => r.id === drawingId);
    const vmlPath = drawingRel && targetPath(path, drawingRel);
    const threadedPath = find(REL.threadedComment);
    return {
      rels,
      commentsPath,
      vmlPath,
      comments: this.#read(commentsPath),
      vml: this.#read(vmlPath),
      threaded: readThreadedRefs(this.#read(threadedPath)),
    };
  }

  /** Changes a sheet's notes (its comments part and VML); returns the sheet's XML with its `<legacyDrawing>` as it must now be. */
  #changeNotes(sheet: SheetEntry, changes: Map<string, NoteChange>, xml: string): string {
    const path = sheet.path as string;
    const { rels, commentsPath, vmlPath, comments, vml, threaded } = this.#notesParts(sheet, xml);
    for (const address of threaded) changes.delete(address);
    if (changes.size === 0) return xml;
    const result = applyNotes(comments, vml, changes, sheet.sheetId);
    let sheetXml = xml;
    if (result.comments === undefined) {
      if (commentsPath !== undefined) {
        this.#pkg.remove(commentsPath);
        removeContentType(this.#pkg, commentsPath);
        rels.splice(
          rels.findIndex((r) => r.type === REL.comments),
          1,
        );
      }
    } else {
      const target = commentsPath ?? this.#freePath((n) => `xl/comments${n}.xml`);
      this.#pkg.write(target, result.comments);
      if (commentsPath === undefined) {
        setContentType(this.#pkg, target, CONTENT_TYPE.comments);
        rels.push({
          id: freeRelationshipId(rels),
          type: REL.comments,
          target: relativeTarget(path, target),
          external: false,
        });
      }
    }
    const shapesLeft = result.vml !== undefined && /<(?:[\w.-]+:)?shape\b/.test(result.vml);
    if (!shapesLeft && result.comments === undefined) {
      if (vmlPath !== undefined) {
        this.#pkg.remove(vmlPath);
        const at = rels.findIndex((r) => targetPath(path, r) === vmlPath);
        if (at >= 0) rels.splice(at, 1);
      }
      sheetXml = withoutLegacyDrawing(sheetXml);
    } else if (result.vml !== undefined) {
      const target = vmlPath ?? this.#freePath((n) => `xl/drawings/vmlDrawing${n}.vml`);
      this.#pkg.write(target, result.vml);
      if (vmlPath === undefined) {
        ensureDefaultContentType(this.#pkg, "vml", CONTENT_TYPE.vml);
        const id = freeRelationshipId(rels);
        rels.push({ id, type: REL.vmlDrawing, target: relativeTarget(path, target), external: false });
        sheetXml = withLegacyDrawing(sheetXml, id);
      }
    }
    writeRelationships(this.#pkg, path, rels);
    return sheetXml;
  }

  #forgetNotes(sheet: string): void {
    const prefix = `${sheet.toLowerCase()}\u0000`;
    for (const key of this.#originalNotes.keys()) if (key.startsWith(prefix)) this.#originalNotes.delete(key);
  }
}

function noteKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}\u0000${address}`;
}

function parseAddress(address: string): { row: number; column: number } {
  const parsed = parseCellAddress(address);
  if (!parsed) throw new HouqinError("INVALID_ARGUMENT", `Not a cell address: ${address}`);
  return parsed;
}

/** The parts of a new, empty workbook. */
const EMPTY_PACKAGE: Readonly<Record<string, string>> = {
  "[Content_Types].xml": `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  "_rels/.rels": `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets/></workbook>`,
  "xl/_rels/workbook.xml.rels": `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  "xl/styles.xml": MINIMAL_STYLES,
};

/**
 * Opens an .xlsx file, telling why when it cannot: the file is missing, is no workbook, is
 * password-protected, is an old .xls, or is damaged.
 * @param path - the file's path
 * @returns the workbook
 * @throws WorkbookOpenError with its `code`; other I/O errors (permissions) are rethrown as they are
 * @example
 * const workbook = await openXlsx("school.xlsx");
 */
export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new WorkbookOpenError("not-found", { path, cause: error });
    if (code === "EISDIR") throw new WorkbookOpenError("not-a-workbook", { path, cause: error });
    throw error;
  }
  return openBytes(bytes, path);
}

/**
 * Opens the bytes of an .xlsx file, telling why when they are no readable workbook.
 * @param buffer - the file's content
 * @returns the workbook
 * @throws WorkbookOpenError with code `not-a-workbook`, `encrypted`, `legacy-xls` or `corrupt`
 * @example
 * const workbook = await openXlsxBuffer(new Uint8Array(await file.arrayBuffer()));
 */
export async function openXlsxBuffer(buffer: Uint8Array): Promise<XlsxWorkbook> {
  return openBytes(buffer, undefined);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

async function openBytes(bytes: Uint8Array, path: string | undefined): Promise<XlsxWorkbook> {
  const where = path === undefined ? {} : { path };
  if (startsWith(bytes, CFB_MAGIC)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
      ENCRYPTED_PACKAGE,
    );
    throw new WorkbookOpenError(encrypted ? "encrypted" : "legacy-xls", where);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new WorkbookOpenError("not-a-workbook", where);
  let pkg: ZipPackage;
  try {
    pkg = ZipPackage.open(bytes);
  } catch (error) {
    throw new WorkbookOpenError("corrupt", { ...where, cause: error });
  }
  let workbook: XlsxWorkbook;
  try {
    workbook = XlsxWorkbook.open(pkg);
  } catch (error) {
    if (error instanceof WorkbookOpenError)
      throw new WorkbookOpenError(error.code, { ...where, cause: error.cause });
    throw new WorkbookOpenError("corrupt", { ...where, cause: error });
  }
  if ((await workbook.listSheets()).length === 0) throw new WorkbookOpenError("not-a-workbook", where);
  return workbook;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}
