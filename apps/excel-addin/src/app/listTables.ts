import type { Bilingual, Finding, Lang } from "@houqin/core";
import { overrideOf, readWorkbook } from "@houqin/workbook";
import type { AddinHost } from "./addinHost.js";
import { allKinds } from "./domains.js";
import { type Progress, progressOf } from "./progress.js";

/** A field of a recognised table and the column it was found in. */
export interface FieldView {
  key: string;
  title: Bilingual;
  required: boolean;
  /** The column letters, or null when the field has no column. */
  column: string | null;
}

/** A table houqin recognised in the open workbook, as the Tables page shows it. */
export interface TableView {
  sheet: string;
  /** The kind's id, e.g. "finance.charges". */
  kind: string;
  kindTitle: Bilingual;
  /** The domain of the kind, e.g. "finance". */
  domain: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** Every field of the kind, in the kind's order. */
  fields: FieldView[];
  /** Whether the settings sheet corrects how this sheet is read. */
  overridden: boolean;
}

/** A kind of table the user can choose for a sheet. */
export interface KindOption {
  id: string;
  title: Bilingual;
  domain: string;
}

/**
 * The tables houqin recognises in the open workbook (every domain's kinds, the corrections in 设置
 * applied), the kinds a sheet can be read as, and what reading found about the settings (a correction
 * naming a missing sheet, kind or field). Sheets the add-in generated are left out. Reads only;
 * nothing in the workbook changes.
 *
 * @param host - the open workbook
 * @param options - the language of the findings, and a progress callback (one step a sheet)
 * @returns tables in workbook order, all kinds, and the reading findings
 * @example
 * const { tables } = await listTables(host, { lang: "zh-CN" });
 * tables[0]?.fields.find((f) => f.key === "amount")?.column // "E"
 */
export async function listTables(
  host: AddinHost,
  options: { lang: Lang; onProgress?: (p: Progress) => void },
): Promise<{ tables: TableView[]; kinds: KindOption[]; findings: Finding[] }> {
  const kinds = allKinds();
  const contents = await readWorkbook(host.workbook, {
    modules: [
      { id: "all", title: { "zh-CN": "全部", en: "All" }, kinds: kinds.map((k) => k.kind), checks: [] },
    ],
    lang: options.lang,
    today: host.today(),
    ...(options.onProgress ? { onProgress: (p) => options.onProgress?.(progressOf(p, 1)) } : {}),
  });
  const byId = new Map(kinds.map((k) => [k.kind.id, k]));
  const settings = contents.ctx.settings;
  const tables = contents.tables.flatMap((table): TableView[] => {
    const found = byId.get(table.kind);
    if (!found) return [];
    return [
      {
        sheet: table.sheet,
        kind: table.kind,
        kindTitle: found.kind.title,
        domain: found.domain,
        headerRow: table.headerRow,
        firstRow: table.firstRow,
        lastRow: table.lastRow,
        fields: Object.entries(found.kind.fields).map(([key, field]) => ({
          key,
          title: field.title,
          required: field.required,
          column: table.columns[key] ?? null,
        })),
        overridden: overrideOf(settings, table.sheet) !== undefined,
      },
    ];
  });
  return {
    tables,
    kinds: kinds.map(({ kind, domain }) => ({ id: kind.id, title: kind.title, domain })),
    findings: contents.findings,
  };
}
