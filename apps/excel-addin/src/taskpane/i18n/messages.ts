import type { Bilingual } from "@houqin/core";

/**
 * Every text of the task pane's own chrome, Chinese first. Findings, kind and domain titles come
 * from the services already bilingual; these are the labels around them. `{name}` placeholders are
 * filled by `t(key, params)`.
 */
export const MESSAGES = {
  "app.name": { "zh-CN": "后勤检查", en: "houqin" },
  "app.opening": { "zh-CN": "正在连接工作簿…", en: "Connecting to the workbook…" },
  "app.openFailed": { "zh-CN": "无法连接工作簿", en: "Cannot reach the workbook" },
  "app.notExcel": {
    "zh-CN": "请在 Excel 中打开此加载项（桌面版或网页版）。",
    en: "Open this add-in inside Excel (desktop or on the web).",
  },
  "app.reading": {
    "zh-CN": "已读取 {sheet} 的 {done}/{total} 行",
    en: "Read {done}/{total} rows of {sheet}",
  },

  "lang.switch": { "zh-CN": "English", en: "中文" },
  "lang.switchLabel": { "zh-CN": "切换为英文（Switch to English）", en: "Switch to Chinese (切换为中文)" },

  "tab.tables": { "zh-CN": "表格", en: "Tables" },
  "tab.check": { "zh-CN": "检查", en: "Check" },
  "tab.generate": { "zh-CN": "生成", en: "Generate" },
  "tab.label": { "zh-CN": "功能", en: "Sections" },

  "progress.read": { "zh-CN": "正在读取 {step}/{total}：{label}", en: "Reading {step}/{total}: {label}" },
  "progress.check": { "zh-CN": "正在检查 {step}/{total}：{label}", en: "Checking {step}/{total}: {label}" },
  "progress.readDone": { "zh-CN": "已读取 {total} 个工作表", en: "Read {total} sheets" },
  "progress.checkDone": { "zh-CN": "已完成 {total} 项检查", en: "Ran {total} checks" },
  "progress.starting": { "zh-CN": "正在准备…", en: "Getting ready…" },

  "tables.intro": {
    "zh-CN": "本加载项在此工作簿中识别出的表格。展开可查看和修改列的对应关系，修改保存在“设置”工作表中。",
    en: "The tables this add-in recognised in this workbook. Expand one to see or change its columns; changes are saved in the 设置 (Settings) sheet.",
  },
  "tables.refresh": { "zh-CN": "重新识别", en: "Refresh" },
  "tables.loading": { "zh-CN": "正在识别表格…", en: "Recognising tables…" },
  "tables.none": {
    "zh-CN": "没有识别出表格。检查表头是否与模板一致，或在“设置”中指定。",
    en: "No tables recognised. Check the headers, or name the table in the Settings sheet.",
  },
  "tables.count": { "zh-CN": "{count} 个表格", en: "{count} tables" },
  "tables.rows": {
    "zh-CN": "表头第 {header} 行 · 数据 {first}–{last} 行",
    en: "Header row {header} · rows {first}–{last}",
  },
  "tables.noRows": { "zh-CN": "表头第 {header} 行 · 暂无数据", en: "Header row {header} · no rows yet" },
  "tables.overridden": { "zh-CN": "已手动设置", en: "Set by hand" },
  "tables.kind": { "zh-CN": "表格类型", en: "Table kind" },
  "tables.headerRow": { "zh-CN": "表头所在行", en: "Header row" },
  "tables.field": { "zh-CN": "字段", en: "Field" },
  "tables.column": { "zh-CN": "列", en: "Column" },
  "tables.required": { "zh-CN": "必填", en: "required" },
  "tables.unmapped": { "zh-CN": "未对应", en: "not mapped" },
  "tables.kindChanged": {
    "zh-CN": "类型已更改：保存后按新类型重新识别各列。",
    en: "Kind changed: the columns are recognised again for the new kind once saved.",
  },
  "tables.badColumn": {
    "zh-CN": "列应为 A 到 XFD 的字母，如 C 或 AB",
    en: "A column is letters from A to XFD, like C or AB",
  },
  "tables.badHeaderRow": { "zh-CN": "行号应为正整数", en: "A row is a whole number from 1" },
  "tables.save": { "zh-CN": "保存到“设置”", en: "Save to Settings" },
  "tables.reset": { "zh-CN": "还原", en: "Undo changes" },
  "tables.saved": {
    "zh-CN": "已保存到“{sheet}”工作表（{cells}）。",
    en: "Saved in the {sheet} sheet ({cells}).",
  },
  "tables.saveFailed": { "zh-CN": "保存失败", en: "Not saved" },
  "tables.notes": { "zh-CN": "识别提示", en: "Notes" },
  "tables.loadFailed": { "zh-CN": "无法识别表格", en: "Cannot recognise the tables" },
  "tables.langStale": {
    "zh-CN": "以下识别提示是英文的。重新识别可得到中文提示。",
    en: "These notes are in Chinese. Refresh for English notes.",
  },

  "check.intro": {
    "zh-CN": "按工作计划检查本工作簿中的表格。结果按严重程度和工作表分组，点击一条即可定位到对应单元格。",
    en: "Checks the workbook's tables against the work plan. Results are grouped by severity and sheet; click one to go to its cell.",
  },
  "check.scope": { "zh-CN": "检查范围", en: "What to check" },
  "check.all": { "zh-CN": "全部", en: "All" },
  "check.run": { "zh-CN": "检查", en: "Check" },
  "check.running": { "zh-CN": "正在检查…", en: "Checking…" },
  "check.failed": { "zh-CN": "检查未完成", en: "The check did not finish" },
  "check.none": { "zh-CN": "未发现问题。", en: "No problems found." },
  "check.summary": { "zh-CN": "检查结果", en: "Results" },
  "check.tablesChecked": { "zh-CN": "检查了 {count} 个表格", en: "{count} tables checked" },
  "severity.error": { "zh-CN": "错误", en: "Errors" },
  "severity.warning": { "zh-CN": "警告", en: "Warnings" },
  "severity.info": { "zh-CN": "提示", en: "Notes" },
  "check.workbook": { "zh-CN": "（整个工作簿）", en: "(whole workbook)" },
  "check.clause": { "zh-CN": "工作计划 {clause}", en: "work plan {clause}" },
  "check.goTo": { "zh-CN": "转到 {sheet}!{cell}", en: "Go to {sheet}!{cell}" },
  "check.more": { "zh-CN": "再显示 {count} 条", en: "Show {count} more" },
  "check.selectFailed": { "zh-CN": "无法选中该单元格", en: "Cannot select that cell" },
  "check.write": { "zh-CN": "写入检查结果", en: "Write results" },
  "check.written": {
    "zh-CN": "已写入“{sheet}”工作表：{findings} 条结果，标记了 {marked} 个单元格。",
    en: "Wrote the {sheet} sheet: {findings} findings, {marked} cells marked.",
  },
  "check.writtenReports": { "zh-CN": "另写入：{sheets}", en: "Also written: {sheets}" },
  "check.writeFailed": { "zh-CN": "写入失败", en: "Not written" },
  "check.clear": { "zh-CN": "清除标记", en: "Clear marks" },
  "check.cleared": {
    "zh-CN": "已清除检查结果，恢复了 {count} 个单元格的原格式。",
    en: "Results cleared; {count} cells have their own formatting back.",
  },
  "check.clearFailed": { "zh-CN": "清除失败", en: "Not cleared" },
  "check.langStale": {
    "zh-CN": "以下结果是英文的。重新检查可得到中文结果。",
    en: "These results are in Chinese. Check again for English results.",
  },
  "check.rerun": { "zh-CN": "重新检查", en: "Check again" },

  "generate.intro": {
    "zh-CN": "按工作簿中的设置和数据生成新工作表；不会覆盖已有的工作表。",
    en: "Builds new sheets from the workbook's settings and data; existing sheets are never overwritten.",
  },
  "generate.run": { "zh-CN": "生成", en: "Generate" },
  "generate.running": { "zh-CN": "正在生成…", en: "Generating…" },
  "generate.from": { "zh-CN": "开始日期", en: "From" },
  "generate.to": { "zh-CN": "结束日期", en: "To" },
  "generate.meet": { "zh-CN": "运动会日期", en: "Meet day" },
  "generate.start": { "zh-CN": "训练开始日期", en: "Training starts" },
  "generate.optional": { "zh-CN": "可留空：按“设置”中的学期", en: "Optional: the semester in Settings" },
  "generate.optionalDate": { "zh-CN": "可留空", en: "Optional" },
  "generate.badRange": {
    "zh-CN": "结束日期不能早于开始日期",
    en: "The end date cannot be before the start",
  },
  "generate.done": { "zh-CN": "已生成：{sheets}", en: "Generated: {sheets}" },
  "generate.nothing": { "zh-CN": "没有生成工作表。", en: "No sheet was generated." },
  "generate.moreNotes": {
    "zh-CN": "另有 {count} 条，请在“检查”中查看",
    en: "{count} more: see the Check tab",
  },
  "generate.failed": { "zh-CN": "生成失败", en: "Not generated" },
} as const satisfies Record<string, Bilingual>;

/** The key of a message of the task pane's chrome. */
export type MessageKey = keyof typeof MESSAGES;
