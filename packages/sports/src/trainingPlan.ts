import {
  addDaysIso,
  type Bilingual,
  HouqinError,
  type IsoDate,
  isIsoDate,
  type SchoolCalendar,
} from "@houqin/core";

/**
 * A periodised track-meet training plan (三(五)2): working back from the meet day, general preparation,
 * then specific preparation, then a taper of about two weeks that cuts volume by 40–60% while keeping
 * intensity. Sessions fall only on school days, in the school's training slots. Pure core — no workbook types.
 */

/** The phases of the plan, in order. */
export type TrainingPhaseId = "general" | "specific" | "taper";

/** How hard the work of a phase is. The taper keeps the intensity of specific preparation. */
export type TrainingIntensity = "moderate" | "high";

/** A weekly training slot: the after-school service time, the Wednesday club time… */
export interface TrainingSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  name: string;
  /** The length of the slot in minutes, more than 0. */
  minutes: number;
}

export interface PlanTrainingOptions {
  /** The first day of training. */
  start: IsoDate;
  /** The meet day; no session on it or after it. */
  meet: IsoDate;
  calendar: SchoolCalendar;
  /** The event groups (短跑, 中长跑, 跳跃, 投掷, 接力…); each gets its own session in every slot. */
  groups: readonly string[];
  /** The weekly slots; {@link DEFAULT_TRAINING_SLOTS} by default. */
  slots?: readonly TrainingSlot[];
  /** The length of the taper in calendar days before the meet; 14 by default. */
  taperDays?: number;
}

export interface TrainingPhase {
  id: TrainingPhaseId;
  name: Bilingual;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  /** Training volume as a percentage of the peak (specific preparation = 100). */
  volumePercent: number;
  intensity: TrainingIntensity;
}

export interface TrainingSession {
  date: IsoDate;
  /** The slot's name. */
  slot: string;
  group: string;
  phase: TrainingPhaseId;
  content: Bilingual;
  /** Planned training minutes: the slot's minutes scaled by the volume, rounded to 5 minutes. */
  minutes: number;
  volumePercent: number;
}

export interface TrainingWeek {
  /** The Monday of the ISO week (may lie before the start). */
  weekStart: IsoDate;
  /** The phase covering most of the week's days inside the plan (the later one on a tie). */
  phase: TrainingPhaseId;
  /** The number of sessions (all groups) in the week. */
  sessions: number;
  /** Planned minutes of all sessions in the week. */
  minutes: number;
  /** The slot-minute weighted mean volume of the week's sessions; 0 for a week without sessions. */
  volumePercent: number;
}

export interface TrainingPlan {
  /** The phases in order, covering start .. meet − 1 without gaps or overlaps; empty phases left out. */
  phases: TrainingPhase[];
  /** Sorted by date, then slot order, then group order. */
  sessions: TrainingSession[];
  /** Every ISO week meeting start .. meet − 1, in order. */
  weeks: TrainingWeek[];
  warnings: Bilingual[];
}

/** The default slots: after-school service Mon–Fri 16:30, 60 minutes, and the Wednesday club, 90 minutes. */
export const DEFAULT_TRAINING_SLOTS: readonly TrainingSlot[] = [
  { weekday: 1, name: "课后服务 16:30", minutes: 60 },
  { weekday: 2, name: "课后服务 16:30", minutes: 60 },
  { weekday: 3, name: "课后服务 16:30", minutes: 60 },
  { weekday: 3, name: "周三社团", minutes: 90 },
  { weekday: 4, name: "课后服务 16:30", minutes: 60 },
  { weekday: 5, name: "课后服务 16:30", minutes: 60 },
];

/** The default taper length in calendar days. */
export const DEFAULT_TAPER_DAYS = 14;

/** Share of the time before the taper given to general preparation. */
const GENERAL_SHARE = 0.4;

const PHASES: Readonly<
  Record<TrainingPhaseId, { name: Bilingual; volumePercent: number; intensity: TrainingIntensity }>
> = {
  general: {
    name: { "zh-CN": "一般准备期", en: "general preparation" },
    volumePercent: 70,
    intensity: "moderate",
  },
  specific: {
    name: { "zh-CN": "专项准备期", en: "specific preparation" },
    volumePercent: 100,
    intensity: "high",
  },
  // A 50% cut: inside the 40–60% of DOMAIN 三(五), intensity kept.
  taper: { name: { "zh-CN": "赛前调整期", en: "taper" }, volumePercent: 50, intensity: "high" },
};

type Content = Readonly<Record<TrainingPhaseId, Bilingual>>;

const CONTENT: Readonly<Record<string, { en: string; content: Content }>> = {
  短跑: {
    en: "Sprints",
    content: {
      general: { "zh-CN": "有氧跑、柔韧、基础力量", en: "aerobic running, flexibility, basic strength" },
      specific: { "zh-CN": "起跑、加速跑、途中跑", en: "starts, acceleration runs, maximal-speed running" },
      taper: {
        "zh-CN": "起跑与短距离冲刺，减量保强度",
        en: "starts and short sprints, less volume, same intensity",
      },
    },
  },
  中长跑: {
    en: "Middle and long distance",
    content: {
      general: {
        "zh-CN": "匀速有氧跑、跑的专门练习、核心力量",
        en: "steady aerobic runs, running drills, core strength",
      },
      specific: { "zh-CN": "间歇跑、节奏跑、配速练习", en: "interval runs, tempo runs, pace work" },
      taper: {
        "zh-CN": "短间歇保持比赛配速，减量保强度",
        en: "short intervals at race pace, less volume, same intensity",
      },
    },
  },
  跳跃: {
    en: "Jumps",
    content: {
      general: { "zh-CN": "跳绳、多级跳、下肢力量", en: "rope skipping, bounding, leg strength" },
      specific: { "zh-CN": "助跑节奏、踏跳、完整技术", en: "run-up rhythm, take-off, full technique" },
      taper: {
        "zh-CN": "短程助跑试跳、丈量步点，减量保强度",
        en: "short-approach jumps, checking the run-up, less volume, same intensity",
      },
    },
  },
  投掷: {
    en: "Throws",
    content: {
      general: {
        "zh-CN": "上肢与核心力量、柔韧、实心球抛掷",
        en: "upper-body and core strength, flexibility, medicine-ball throws",
      },
      specific: {
        "zh-CN": "持器械技术、滑步或助跑、出手角度",
        en: "implement technique, glide or run-up, release angle",
      },
      taper: {
        "zh-CN": "完整技术试投，减量保强度",
        en: "full-technique throws, less volume, same intensity",
      },
    },
  },
  接力: {
    en: "Relay",
    content: {
      general: {
        "zh-CN": "有氧跑、弯道跑、传接棒基本动作",
        en: "aerobic running, bend running, basic baton passing",
      },
      specific: {
        "zh-CN": "接力区传接棒、起跑时机、弯道加速",
        en: "baton exchange in the zone, start timing, bend acceleration",
      },
      taper: {
        "zh-CN": "全速传接棒演练，减量保强度",
        en: "full-speed baton exchanges, less volume, same intensity",
      },
    },
  },
};

const GENERIC: Content = {
  general: { "zh-CN": "有氧练习、柔韧、基础力量", en: "aerobic work, flexibility, basic strength" },
  specific: { "zh-CN": "专项技术与专项素质", en: "event technique and event-specific fitness" },
  taper: { "zh-CN": "专项技术保持，减量保强度", en: "keeping event technique, less volume, same intensity" },
};

const ISO_WEEKDAY_ZH = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/** Days since 1970-01-01 of an ISO date (UTC arithmetic; no time zone involved). */
function dayNumber(iso: IsoDate): number {
  if (!isIsoDate(iso)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${iso}`);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return Math.round(date.getTime() / 86_400_000);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
function isoWeekday(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

function validateSlots(slots: readonly TrainingSlot[]): void {
  for (const slot of slots) {
    if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) {
      throw new HouqinError("INVALID_ARGUMENT", `Slot weekday must be an integer 1..7: ${slot.weekday}`);
    }
    if (!Number.isFinite(slot.minutes) || slot.minutes <= 0) {
      throw new HouqinError("INVALID_ARGUMENT", `Slot minutes must be more than 0: ${slot.minutes}`);
    }
  }
}

/** The content of a group's sessions in a phase, e.g. "短跑·一般准备期：有氧跑、柔韧、基础力量". */
export function trainingContent(group: string, phase: TrainingPhaseId): Bilingual {
  const known = CONTENT[group];
  const text = (known?.content ?? GENERIC)[phase];
  const name = PHASES[phase].name;
  return {
    "zh-CN": `${group}·${name["zh-CN"]}：${text["zh-CN"]}`,
    en: `${known?.en ?? group} · ${name.en}: ${text.en}`,
  };
}

/** Planned minutes of a slot at a volume, rounded to 5 minutes and at least 5. */
function plannedMinutes(slotMinutes: number, volumePercent: number): number {
  return Math.max(5, Math.round((slotMinutes * volumePercent) / 100 / 5) * 5);
}

/**
 * Builds a periodised plan from a start date to the meet (三(五)2): general preparation (the first 40%
 * of the time before the taper), specific preparation (the rest until the taper) and a taper of
 * `taperDays` calendar days before the meet with volume cut to 50% of the peak and intensity kept high.
 * Sessions fall on school days strictly before the meet, in the slots of their ISO weekday, one per
 * event group and slot. When the time is no longer than the taper, it is all taper, with a warning.
 *
 * @param options - Start, meet, the school calendar, the event groups, the slots and the taper length.
 * @returns The phases, sessions, weekly summary and warnings (a short preparation, no sessions in a
 *   phase, missing holiday data, a group without prepared content…). A meet on or before the start
 *   gives an empty plan with a warning.
 * @throws HouqinError `INVALID_DATE` for a date that is not a real ISO date; `INVALID_ARGUMENT` for a
 *   taper length that is not a positive integer or a slot with a bad weekday or minutes.
 * @example
 * planTraining({ start: "2023-09-01", meet: "2023-09-28", calendar: createSchoolCalendar(), groups: ["短跑"] })
 * // phases: general 09-01..09-05, specific 09-06..09-13, taper 09-14..09-27
 */
export function planTraining(options: PlanTrainingOptions): TrainingPlan {
  const { start, meet, calendar } = options;
  const slots = options.slots ?? DEFAULT_TRAINING_SLOTS;
  const taperDays = options.taperDays ?? DEFAULT_TAPER_DAYS;
  if (!Number.isInteger(taperDays) || taperDays < 1) {
    throw new HouqinError("INVALID_ARGUMENT", `taperDays must be a positive integer: ${taperDays}`);
  }
  validateSlots(slots);
  const startDay = dayNumber(start);
  const totalDays = dayNumber(meet) - startDay;
  const groups = [...new Set(options.groups.map((g) => g.trim()).filter((g) => g !== ""))];
  const warnings: Bilingual[] = [];

  if (totalDays <= 0) {
    warnings.push({
      "zh-CN": `比赛日 ${meet} 不晚于训练开始日 ${start}，无法制订训练计划。`,
      en: `The meet day ${meet} is not after the training start ${start}; no plan can be made.`,
    });
    return { phases: [], sessions: [], weeks: [], warnings };
  }

  // Phase lengths in calendar days.
  const taperLength = Math.min(taperDays, totalDays);
  const prepDays = totalDays - taperLength;
  const generalLength = Math.round(prepDays * GENERAL_SHARE);
  const lengths: [TrainingPhaseId, number][] = [
    ["general", generalLength],
    ["specific", prepDays - generalLength],
    ["taper", taperLength],
  ];
  const phases: TrainingPhase[] = [];
  let offset = 0;
  for (const [id, length] of lengths) {
    if (length <= 0) continue;
    const def = PHASES[id];
    phases.push({
      id,
      name: def.name,
      start: addDaysIso(start, offset),
      end: addDaysIso(start, offset + length - 1),
      volumePercent: def.volumePercent,
      intensity: def.intensity,
    });
    offset += length;
  }
  const lastDay = addDaysIso(meet, -1);

  if (totalDays <= taperDays) {
    warnings.push({
      "zh-CN": `训练开始日 ${start} 距比赛日 ${meet} 仅 ${totalDays} 天，不足赛前调整期 ${taperDays} 天，整个计划均按赛前调整期安排，没有一般准备期和专项准备期。`,
      en: `Only ${totalDays} days from the start ${start} to the meet ${meet}, no more than the ${taperDays}-day taper: the whole plan is taper, with no general or specific preparation.`,
    });
  } else if (prepDays < 2 * taperDays) {
    warnings.push({
      "zh-CN": `赛前调整期前的准备时间仅 ${prepDays} 天（${start} 至 ${addDaysIso(start, prepDays - 1)}），少于 ${2 * taperDays} 天，调整期占全部 ${totalDays} 天的 ${Math.round((taperLength / totalDays) * 100)}%，建议提前开始训练或缩短调整期。`,
      en: `Only ${prepDays} days of preparation before the taper (${start} to ${addDaysIso(start, prepDays - 1)}), less than ${2 * taperDays}; the taper is ${Math.round((taperLength / totalDays) * 100)}% of all ${totalDays} days. Start earlier or shorten the taper.`,
    });
  }

  const uncovered = calendar.uncoveredYears(start, lastDay);
  if (uncovered.length > 0) {
    warnings.push({
      "zh-CN": `${uncovered.join("、")} 年的法定节假日数据缺失，工作日按周一至周五估算。`,
      en: `Holiday data for ${uncovered.join(", ")} not available; weekdays are taken as workdays.`,
    });
  }
  if (groups.length === 0) {
    warnings.push({
      "zh-CN": "未指定训练项目组，没有安排训练课。",
      en: "No event groups given; no sessions planned.",
    });
  }
  if (slots.length === 0) {
    warnings.push({
      "zh-CN": "未设置训练时段，没有安排训练课。",
      en: "No training slots given; no sessions planned.",
    });
  }
  for (const group of groups) {
    if (CONTENT[group] === undefined) {
      warnings.push({
        "zh-CN": `项目组「${group}」没有预设训练内容，按通用内容安排。`,
        en: `No prepared content for the event group "${group}"; generic content used.`,
      });
    }
  }

  // Sessions.
  const phaseOf = (dayIndex: number): TrainingPhase => {
    let found = phases[0] as TrainingPhase;
    for (const p of phases) if (dayNumber(p.start) - startDay <= dayIndex) found = p;
    return found;
  };
  const sessions: TrainingSession[] = [];
  const weekMap = new Map<
    IsoDate,
    {
      days: Map<TrainingPhaseId, number>;
      sessions: TrainingSession[];
      slotMinutes: number;
      weightedVolume: number;
    }
  >();
  for (let i = 0; i < totalDays; i++) {
    const date = addDaysIso(start, i);
    const weekday = isoWeekday(date);
    const weekStart = addDaysIso(date, 1 - weekday);
    const phase = phaseOf(i);
    let week = weekMap.get(weekStart);
    if (week === undefined) {
      week = { days: new Map(), sessions: [], slotMinutes: 0, weightedVolume: 0 };
      weekMap.set(weekStart, week);
    }
    week.days.set(phase.id, (week.days.get(phase.id) ?? 0) + 1);
    if (!calendar.isSchoolDay(date)) continue;
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      for (const group of groups) {
        const session: TrainingSession = {
          date,
          slot: slot.name,
          group,
          phase: phase.id,
          content: trainingContent(group, phase.id),
          minutes: plannedMinutes(slot.minutes, phase.volumePercent),
          volumePercent: phase.volumePercent,
        };
        sessions.push(session);
        week.sessions.push(session);
        week.slotMinutes += slot.minutes;
        week.weightedVolume += slot.minutes * phase.volumePercent;
      }
    }
  }

  if (groups.length > 0 && slots.length > 0) {
    for (const p of phases) {
      if (!sessions.some((s) => s.phase === p.id)) {
        const slotDays = [...new Set(slots.map((s) => s.weekday))].sort().map((d) => ISO_WEEKDAY_ZH[d]);
        warnings.push({
          "zh-CN": `${p.name["zh-CN"]}（${p.start} 至 ${p.end}）没有可安排训练的上课日（训练时段：${slotDays.join("、")}）。`,
          en: `The ${p.name.en} (${p.start} to ${p.end}) has no school day with a training slot.`,
        });
      }
    }
  }

  const order: readonly TrainingPhaseId[] = ["general", "specific", "taper"];
  const weeks: TrainingWeek[] = [...weekMap.entries()].map(([weekStart, w]) => {
    let phase: TrainingPhaseId = "general";
    let most = -1;
    for (const id of order) {
      const n = w.days.get(id) ?? 0;
      if (n > 0 && n >= most) {
        most = n;
        phase = id;
      }
    }
    return {
      weekStart,
      phase,
      sessions: w.sessions.length,
      minutes: w.sessions.reduce((sum, s) => sum + s.minutes, 0),
      volumePercent: w.slotMinutes === 0 ? 0 : Math.round(w.weightedVolume / w.slotMinutes),
    };
  });

  return { phases, sessions, weeks, warnings };
}
