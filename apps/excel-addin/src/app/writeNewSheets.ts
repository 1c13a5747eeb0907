import {
  type OutCell,
  recordGenerated,
  type SheetToWrite,
  uniqueSheetName,
  type Workbook,
} from "@houqin/workbook";

/**
 * Writes sheets into a workbook as new sheets, never over one that is there: each takes a name no
 * sheet has yet (uniqueSheetName: "安全工作日程", then "安全工作日程(2)"…), and links between the new
 * sheets (an overview's links to its coach and day sheets) follow the renaming. The sheets are
 * listed as generated (recordGenerated) before they are written, so that no later check or generator
 * reads them as the user's data.
 *
 * @param workbook - the workbook to write into
 * @param sheets - the sheets, in order
 * @returns the names they were written under, in order
 * @example await writeNewSheets(workbook, scheduleSheets(schedule, "zh-CN")) // ["安全工作日程(2)", "1530轮值表(2)"]
 */
export async function writeNewSheets(workbook: Workbook, sheets: readonly SheetToWrite[]): Promise<string[]> {
  const taken = new Set((await workbook.listSheets()).map((s) => s.name));
  const renamed = new Map<string, string>();
  for (const sheet of sheets) {
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(name);
    renamed.set(sheet.name, name);
  }
  const follow = (cell: OutCell): OutCell => {
    if (cell === null || typeof cell !== "object" || !("link" in cell)) return cell;
    const target = renamed.get(cell.link.sheet);
    if (target === undefined) return cell;
    return {
      text: cell.text === cell.link.sheet ? target : cell.text,
      link: { sheet: target, cell: cell.link.cell },
    };
  };
  await recordGenerated(workbook, [...renamed.values()]);
  const names: string[] = [];
  for (const sheet of sheets) {
    const name = renamed.get(sheet.name) as string;
    await workbook.writeSheet(
      name,
      sheet.rows.map((row) => row.map(follow)),
      sheet.options,
    );
    names.push(name);
  }
  return names;
}
