import { cells, defineTableKind, field } from "@houqin/workbook";

const t = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** `safety.inspection-log`: inspections with what was found and how it was closed (三(一)1,3,4). */
export const inspectionLog = defineTableKind({
  id: "safety.inspection-log",
  title: t("安全检查记录", "Safety inspection log"),
  sheetHints: ["安全检查", "检查记录", "巡查"],
  fields: {
    date: field({
      title: t("检查日期", "Date"),
      synonyms: ["检查日期", "排查日期", "巡查日期", "日期", "检查时间", "date"],
      required: true,
      schema: cells.date(),
    }),
    item: field({
      title: t("检查项目", "Item"),
      synonyms: ["检查项目", "检查内容", "检查部位", "排查项目", "排查内容", "项目", "内容", "item", "check"],
      required: true,
      schema: cells.text(),
    }),
    inspector: field({
      title: t("检查人", "Inspector"),
      synonyms: ["检查人", "检查人员", "排查人", "排查人员", "inspector"],
      required: false,
      schema: cells.text(),
    }),
    result: field({
      title: t("检查结果", "Result"),
      synonyms: ["检查结果", "结果", "检查情况", "result"],
      required: false,
      schema: cells.text(),
    }),
    problem: field({
      title: t("发现问题", "Problem"),
      synonyms: ["发现问题", "存在问题", "问题", "隐患", "problem", "issue"],
      required: false,
      schema: cells.text(),
    }),
    action: field({
      title: t("处理措施", "Action"),
      synonyms: ["处理措施", "整改措施", "处理情况", "处理", "action"],
      required: false,
      schema: cells.text(),
    }),
    closedDate: field({
      title: t("整改完成日期", "Closed on"),
      synonyms: ["整改完成日期", "完成日期", "闭环日期", "销号日期", "整改日期", "closed", "closed on"],
      required: false,
      schema: cells.date(),
    }),
    recordedAt: field({
      title: t("登记日期", "Recorded on"),
      synonyms: ["登记日期", "填写日期", "记录日期", "recorded", "recorded on"],
      required: false,
      schema: cells.date(),
    }),
  },
});

/** `safety.extinguisher-register`: every fire extinguisher, its age, servicing and monthly checks (三(一)4). */
export const extinguisherRegister = defineTableKind({
  id: "safety.extinguisher-register",
  title: t("灭火器台账", "Fire extinguisher register"),
  sheetHints: ["灭火器", "消防器材"],
  fields: {
    id: field({
      title: t("编号", "No."),
      synonyms: ["编号", "灭火器编号", "器材编号", "id", "no"],
      required: true,
      schema: cells.text(),
    }),
    location: field({
      title: t("位置", "Location"),
      synonyms: ["位置", "放置位置", "设置位置", "存放位置", "location"],
      required: false,
      schema: cells.text(),
    }),
    type: field({
      title: t("类型", "Type"),
      synonyms: ["类型", "灭火器类型", "种类", "型号", "type"],
      required: true,
      schema: cells.text(),
    }),
    manufactureDate: field({
      title: t("生产日期", "Manufactured"),
      synonyms: ["生产日期", "出厂日期", "manufactured", "manufacture date"],
      required: false,
      schema: cells.date(),
    }),
    lastService: field({
      title: t("最近维修日期", "Last serviced"),
      synonyms: ["最近维修日期", "维修日期", "检修日期", "维保日期", "充装日期", "last service", "serviced"],
      required: false,
      schema: cells.date(),
    }),
    pressure: field({
      title: t("压力状态", "Pressure"),
      synonyms: ["压力状态", "压力", "压力表", "指针", "pressure"],
      required: false,
      schema: cells.text(),
    }),
    lastCheck: field({
      title: t("最近检查日期", "Last checked"),
      synonyms: ["最近检查日期", "检查日期", "巡检日期", "last check", "checked"],
      required: false,
      schema: cells.date(),
    }),
    action: field({
      title: t("处理情况", "Action"),
      synonyms: ["处理情况", "处理措施", "处理", "action"],
      required: false,
      schema: cells.text(),
    }),
    actionDate: field({
      title: t("处理日期", "Action date"),
      synonyms: ["处理日期", "充装更换日期", "action date"],
      required: false,
      schema: cells.date(),
    }),
  },
});

/** `safety.drill-log`: evacuation and themed-day drills (三(一)2,5). */
export const drillLog = defineTableKind({
  id: "safety.drill-log",
  title: t("演练记录", "Drill log"),
  sheetHints: ["演练"],
  fields: {
    date: field({
      title: t("演练日期", "Date"),
      synonyms: ["演练日期", "日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    type: field({
      title: t("演练类型", "Drill"),
      synonyms: ["演练类型", "演练项目", "演练内容", "演练名称", "类型", "drill", "type"],
      required: true,
      schema: cells.text(),
    }),
    participants: field({
      title: t("参加人数", "Participants"),
      synonyms: ["参加人数", "人数", "participants"],
      required: false,
      schema: cells.integer(),
    }),
    notes: field({
      title: t("备注", "Notes"),
      synonyms: ["备注", "存在问题", "总结", "notes"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/** `safety.guard-log`: the guard's daily, weekly and monthly duties (三(一)6). */
export const guardLog = defineTableKind({
  id: "safety.guard-log",
  title: t("门卫工作记录", "Guard log"),
  sheetHints: ["门卫", "保安"],
  fields: {
    date: field({
      title: t("日期", "Date"),
      synonyms: ["日期", "值班日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    guard: field({
      title: t("值班人", "On duty"),
      synonyms: ["值班人", "值班保安", "保安", "门卫", "guard"],
      required: false,
      schema: cells.text(),
    }),
    exitPass: field({
      title: t("出门证", "Exit pass"),
      synonyms: ["出门证", "收出门证", "exit pass"],
      required: false,
      schema: cells.boolean(),
    }),
    nightPatrolPhoto: field({
      title: t("夜巡图", "Night patrol photo"),
      synonyms: ["夜巡图", "夜巡照片", "夜巡", "night patrol"],
      required: false,
      schema: cells.boolean(),
    }),
    cleaning: field({
      title: t("卫生", "Cleaning"),
      synonyms: ["卫生", "卫生工作", "清洁", "cleaning"],
      required: false,
      schema: cells.boolean(),
    }),
    weeklyCheck: field({
      title: t("设施设备检查", "Facility check"),
      synonyms: ["设施设备检查", "设施检查", "设备检查", "安全检查", "facility check"],
      required: false,
      schema: cells.boolean(),
    }),
    training: field({
      title: t("培训或演练", "Training"),
      synonyms: ["培训或演练", "培训演练", "培训", "training"],
      required: false,
      schema: cells.boolean(),
    }),
  },
});

/** `safety.education-log`: safety lessons and talks, the 1530 radio talk included (三(一)1,2). */
export const educationLog = defineTableKind({
  id: "safety.education-log",
  title: t("安全教育记录", "Safety education log"),
  sheetHints: ["安全教育", "1530"],
  fields: {
    date: field({
      title: t("日期", "Date"),
      synonyms: ["日期", "教育日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    className: field({
      title: t("班级", "Class"),
      synonyms: ["班级", "主讲班级", "轮值班级", "class"],
      required: false,
      schema: cells.text(),
    }),
    topic: field({
      title: t("主题", "Topic"),
      synonyms: ["主题", "教育主题", "内容", "教育内容", "题目", "topic"],
      required: true,
      schema: cells.text(),
    }),
    minutes: field({
      title: t("时长（分钟）", "Minutes"),
      synonyms: ["时长", "分钟", "用时", "minutes"],
      required: false,
      schema: cells.number(),
    }),
  },
});

/** `safety.classes`: the school's classes, for the 1530 rotation. */
export const classList = defineTableKind({
  id: "safety.classes",
  title: t("班级名单", "Classes"),
  sheetHints: ["班级"],
  fields: {
    className: field({
      title: t("班级", "Class"),
      synonyms: ["班级", "班级名称", "class"],
      required: true,
      schema: cells.text(),
    }),
    teacher: field({
      title: t("班主任", "Class teacher"),
      synonyms: ["班主任", "class teacher"],
      required: false,
      schema: cells.text(),
    }),
    students: field({
      title: t("人数", "Pupils"),
      synonyms: ["人数", "学生数", "pupils"],
      required: false,
      schema: cells.integer(),
    }),
  },
});

/** `safety.plan`: the school's own edit of the safety plan (sheet 安全检查计划). */
export const planSheet = defineTableKind({
  id: "safety.plan",
  title: t("安全检查计划", "Safety plan"),
  sheetHints: ["安全检查计划", "安全工作计划"],
  fields: {
    id: field({ title: t("编号", "Id"), synonyms: ["编号", "id"], required: false, schema: cells.text() }),
    clause: field({
      title: t("条款", "Clause"),
      synonyms: ["条款", "计划条款", "clause"],
      required: false,
      schema: cells.text(),
    }),
    title: field({
      title: t("工作内容", "Duty"),
      synonyms: ["工作内容", "工作", "职责", "duty"],
      required: true,
      schema: cells.text(),
    }),
    role: field({
      title: t("责任人", "Responsible"),
      synonyms: ["责任人", "负责", "责任部门", "responsible"],
      required: false,
      schema: cells.text(),
    }),
    cadence: field({
      title: t("频次", "Cadence"),
      synonyms: ["频次", "频率", "周期", "cadence"],
      required: true,
      schema: cells.text(),
    }),
    checklist: field({
      title: t("检查要点", "Checklist"),
      synonyms: ["检查要点", "要点", "checklist"],
      required: false,
      schema: cells.text(),
    }),
  },
});
