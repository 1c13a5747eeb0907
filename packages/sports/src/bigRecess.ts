import { type Bilingual, localize, parseChineseNumber } from "@houqin/core";

/**
 * The sunshine big recess (阳光体育大课间, 三(五)1) and the daily activity time it feeds. Pure core: no
 * workbook types.
 *
 * Model
 * - The programme is a list of segments (入场, 广播操, 跑操, 跳绳, 自选活动, 放松退场…) run one after
 *   the other; it should last at least `minMinutes` (30).
 * - A segment either takes place on each group's own venue of the day (`venueNeeded`, the default when
 *   it names no venue), or at one fixed place for everyone (`venue`: "操场", "教室"…). When that
 *   fixed place is one of `venues`, the whole school is there at once and its capacity is checked.
 * - Venue rotation: on each weekday every group (grade or class) gets one venue for the venue-based
 *   part; the pupils on a venue never exceed its capacity, several groups share a venue when it holds
 *   them. Each day is solved exactly (dynamic programming over sets of groups, up to 12 groups; branch
 *   and bound with a search limit beyond), with this order of concerns:
 *   1. place as many groups as possible (all of them whenever some arrangement does);
 *   2. when some must be left out, leave out those left out least often so far this week;
 *   3. avoid venues a group already had this week;
 *   4. follow the cyclic (Latin-square) shift: group i on day d prefers venue (i + d) mod V.
 *   A repair pass then moves any group stuck on one venue every day, when some arrangement of a day
 *   with as many groups placed frees it without sticking another group.
 *   Groups are ordered by name (numerals read as numbers: 二年级 < 十年级), venues by name, so the same
 *   input in any order gives the same plan.
 * - Daily activity per group and weekday = the recess (without its venue part when the group had no
 *   venue that day) + PE lessons × `peLessonMinutes` + after-school sports sessions + `otherDailyMinutes`
 *   (e.g. 早操; 眼保健操 is not physical activity). The national aim is 120 minutes a day (教育强国建设
 *   规划纲要 2024–2035).
 *
 * Bad input never throws: every problem is a bilingual warning in the result.
 */

/** One segment of the programme, in order. */
export interface RecessSegment {
  name: string;
  /** Minutes; 0 or less is a warning (and counts as 0). */
  minutes: number;
  /** Whether the segment takes place on each group's venue of the day (default: true unless `venue` is set). */
  venueNeeded?: boolean;
  /** A fixed place for everyone ("操场", "教室"); when it names one of the venues, its capacity is checked. */
  venue?: string;
}

/** A grade or a class taking part. */
export interface RecessGroup {
  id: string;
  name: string;
  /** Pupils; rounded up, negatives and NaN count as 0. */
  size: number;
}

/** A place for the venue part: 操场, 篮球场, 体育馆, 风雨操场… */
export interface RecessVenue {
  name: string;
  /** Pupils it holds at once; rounded down, negatives and NaN count as 0. */
  capacity: number;
}

/** An after-school sports session (课后服务体育活动). */
export interface AfterSchoolSession {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  name: string;
  minutes: number;
  /** Group ids (or names) taking part; undefined = every group. */
  groups?: readonly string[];
}

/** PE lessons of a group on a weekday. */
export interface PeLessons {
  /** Group id (or name). */
  group: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  lessons: number;
}

/** Options of {@link planBigRecess}. */
export interface PlanBigRecessOptions {
  segments: readonly RecessSegment[];
  groups?: readonly RecessGroup[];
  venues?: readonly RecessVenue[];
  /** ISO weekdays with a big recess (default Monday to Friday, 1..5). */
  weekdays?: readonly number[];
  /** The shortest acceptable programme in minutes (default 30). */
  minMinutes?: number;
  afterSchool?: readonly AfterSchoolSession[];
  peLessons?: readonly PeLessons[];
  /** Minutes of a PE lesson (default 40). */
  peLessonMinutes?: number;
  /** Other daily activity counted for every group on every weekday, e.g. 早操 (default 0). */
  otherDailyMinutes?: number;
  /** Daily physical activity aimed at, in minutes (default 120). */
  dailyTargetMinutes?: number;
  /**
   * For more than 12 groups only: search nodes per day before the best arrangement found so far is
   * taken (default 50,000); up to 12 groups every day is solved exactly.
   */
  maxSearchNodes?: number;
}

/** A segment with its place in the programme: minutes from the start of the recess. */
export interface PlannedSegment {
  name: string;
  /** Minutes as given, negatives counted as 0. */
  minutes: number;
  venueNeeded: boolean;
  venue?: string;
  /** Offset of its start and end from the start of the recess; end = start + minutes. */
  start: number;
  end: number;
}

/** Where each group is on one weekday. */
export interface RecessDay {
  weekday: number;
  /** Every group in canonical order; venue null when it could not be placed. */
  assignments: { group: string; venue: string | null }[];
  /** Every venue in canonical order with the pupils and groups on it. */
  load: { venue: string; capacity: number; pupils: number; groups: string[] }[];
}

/** A group's activity minutes on one weekday, by source. */
export interface GroupDayActivity {
  weekday: number;
  /** The group's venue that day (null: none; undefined: no rotation was built). */
  venue?: string | null;
  recessMinutes: number;
  peLessons: number;
  peMinutes: number;
  afterSchoolMinutes: number;
  otherMinutes: number;
  totalMinutes: number;
}

/** A group's week of activity. */
export interface GroupActivity {
  group: string;
  name: string;
  size: number;
  /** Whether any PE lesson was given for the group (if not, the totals are a lower bound). */
  peGiven: boolean;
  days: GroupDayActivity[];
}

export type RecessWarningCode =
  | "recess-too-short"
  | "segment-minutes"
  | "venue-over-capacity"
  | "group-without-venue"
  | "daily-activity-short"
  | "session-off-day"
  | "unknown-group"
  | "duplicate-group"
  | "duplicate-venue"
  | "search-limit";

/** Something the school should know about its programme. */
export interface RecessWarning {
  code: RecessWarningCode;
  message: Bilingual;
  /** Index of the segment in the input. */
  segment?: number;
  /** Index of the after-school session in the input. */
  session?: number;
  /** Index of the PE lesson entry in the input. */
  peLesson?: number;
  group?: string;
  venue?: string;
  weekdays?: number[];
  data: Record<string, unknown>;
}

/** The programme, the venue rotation and the daily activity. */
export interface BigRecessPlan {
  segments: PlannedSegment[];
  totalMinutes: number;
  /** Minutes of the venue-based part. */
  venueMinutes: number;
  minMinutes: number;
  weekdays: number[];
  /** The groups in canonical order (duplicates merged). */
  groups: RecessGroup[];
  /** The venues in canonical order (duplicates merged). */
  venues: RecessVenue[];
  /** Whether a rotation was built: there are venues and a venue-based part. */
  rotationBuilt: boolean;
  /** One entry per weekday when a rotation was built, else empty. */
  rotation: RecessDay[];
  /** Whether every day's arrangement was proved optimal (false only when the search limit was hit). */
  exact: boolean;
  activity: GroupActivity[];
  dailyTargetMinutes: number;
  warnings: RecessWarning[];
}

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const MSG = {
  tooShort: tr(
    "大课间共 {total} 分钟，比要求的至少 {min} 分钟少 {missing} 分钟",
    "The big recess lasts {total} minutes, {missing} short of the required {min}",
  ),
  segmentMinutes: tr(
    "环节“{name}”的时长是 {minutes} 分钟，应大于 0",
    "Segment “{name}” lasts {minutes} minutes; it should be more than 0",
  ),
  overCapacity: tr(
    "“{segment}”安排全体在“{venue}”进行，{count} 个年级/班级共 {pupils} 人，超过该场地可容纳的 {capacity} 人",
    "“{segment}” puts everyone on “{venue}”: {count} grades/classes with {pupils} pupils, more than the {capacity} it holds",
  ),
  withoutVenue: tr(
    "{group}（{size} 人）{days}没有分到大课间活动场地：{reason}",
    "{group} ({size} pupils) has no venue for the big recess on {days}: {reason}",
  ),
  reasonTooBig: tr(
    "人数比最大的场地“{largest}”（可容纳 {largestCapacity} 人）还多，需分批或分区活动",
    "it is larger than the largest venue, “{largest}” ({largestCapacity} pupils); split it or stagger it",
  ),
  reasonTotal: tr(
    "各场地同时最多容纳 {capacity} 人（最大的“{largest}”{largestCapacity} 人），参加的 {count} 个年级/班级共 {pupils} 人，每天都有年级/班级轮空，可错峰或增加场地",
    "the venues hold {capacity} pupils at once (the largest, “{largest}”, {largestCapacity}) but the {count} grades/classes have {pupils}, so some are left out each day; stagger the recess or add a venue",
  ),
  reasonPacking: tr(
    "各场地共可容纳 {capacity} 人（最大的“{largest}”{largestCapacity} 人），但按年级/班级整体分配时放不下全部 {count} 个年级/班级，可错峰或调整场地",
    "the venues hold {capacity} pupils in all (the largest, “{largest}”, {largestCapacity}) but whole grades/classes do not fit all {count} at once; stagger the recess or change the venues",
  ),
  dailyShort: tr(
    "{group}校内每天体育活动时间不足 {target} 分钟：{days}{notes}",
    "{group} has less than {target} minutes of physical activity at school a day: {days}{notes}",
  ),
  dayTotals: tr("{days} {minutes} 分钟", "{days} {minutes} min"),
  dayTotalsEvery: tr("{days}每天 {minutes} 分钟", "{days}, {minutes} min each day"),
  noPe: tr(
    "；没有{group}的体育课安排，体育课未计入，实际时间至少为此数",
    "; no PE lessons were given for {group}, so they are not counted and the real time is at least this",
  ),
  noAfterSchool: tr("；没有课后服务体育活动的安排，未计入", "; no after-school sports sessions were given"),
  sessionOffDay: tr(
    "课后服务活动“{name}”在{weekday}，不在大课间安排的{weekdays}之内，未计入每日活动时间",
    "After-school session “{name}” is on {weekday}, outside the recess weekdays ({weekdays}); it is not counted",
  ),
  unknownGroupSession: tr(
    "课后服务活动“{name}”所列的“{group}”不在参加大课间的年级/班级中，未计入",
    "After-school session “{name}” lists “{group}”, which is not among the grades/classes; not counted",
  ),
  unknownGroupPe: tr(
    "体育课安排中的“{group}”不在参加大课间的年级/班级中，未计入",
    "The PE lessons of “{group}” do not match any grade/class; not counted",
  ),
  duplicateGroup: tr(
    "年级/班级“{group}”出现了 {count} 次，已合并为一个，人数按 {size} 人计",
    "Grade/class “{group}” appears {count} times; merged into one of {size} pupils",
  ),
  duplicateVenue: tr(
    "场地“{venue}”登记了 {count} 次（可容纳 {capacities} 人），按较小的 {capacity} 人安排",
    "Venue “{venue}” is listed {count} times ({capacities} pupils); the smaller, {capacity}, is used",
  ),
  searchLimit: tr(
    "{weekday}的场地轮换组合过多，已采用搜索到的最好安排，未必最优",
    "Too many venue arrangements to search on {weekday}; the best one found is used, which may not be optimal",
  ),
  sep: tr("、", ", "),
  daySep: tr("，", "; "),
} satisfies Record<string, Bilingual>;

const WEEKDAY_NAMES: Readonly<Record<number, Bilingual>> = {
  1: tr("周一", "Mon"),
  2: tr("周二", "Tue"),
  3: tr("周三", "Wed"),
  4: tr("周四", "Thu"),
  5: tr("周五", "Fri"),
  6: tr("周六", "Sat"),
  7: tr("周日", "Sun"),
};

/**
 * The name of an ISO weekday: 周一…周日 / Mon…Sun.
 *
 * @example weekdayName(3) // { "zh-CN": "周三", en: "Wed" }
 */
export function weekdayName(weekday: number): Bilingual {
  return WEEKDAY_NAMES[weekday] ?? tr(String(weekday), String(weekday));
}

/**
 * A list of weekdays as people write it: runs of three or more joined (周一至周五, Mon–Fri), others
 * listed (周一、周三).
 *
 * @example weekdayList([1, 2, 3, 5]) // { "zh-CN": "周一至周三、周五", en: "Mon–Wed, Fri" }
 */
export function weekdayList(weekdays: readonly number[]): Bilingual {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const parts: { zh: string; en: string }[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === (days[j] as number) + 1) j++;
    const from = weekdayName(days[i] as number);
    const to = weekdayName(days[j] as number);
    if (j - i >= 2) parts.push({ zh: `${from["zh-CN"]}至${to["zh-CN"]}`, en: `${from.en}–${to.en}` });
    else for (let k = i; k <= j; k++) parts.push(toParts(weekdayName(days[k] as number)));
    i = j + 1;
  }
  return { "zh-CN": parts.map((p) => p.zh).join("、"), en: parts.map((p) => p.en).join(", ") };
}

function toParts(b: Bilingual): { zh: string; en: string } {
  return { zh: b["zh-CN"], en: b.en };
}

/** Fills both languages of a template; Bilingual params are put in in their own language. */
function fill(text: Bilingual, params: Readonly<Record<string, unknown>> = {}): Bilingual {
  const pick = (lang: "zh-CN" | "en") =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isBilingual(v) ? v[lang] : v])) as Record<
      string,
      unknown
    >;
  return { "zh-CN": localize(text, "zh-CN", pick("zh-CN")), en: localize(text, "en", pick("en")) };
}

function isBilingual(v: unknown): v is Bilingual {
  return typeof v === "object" && v !== null && "zh-CN" in v && "en" in v;
}

function joinBilingual(items: readonly Bilingual[], sep: Bilingual): Bilingual {
  return {
    "zh-CN": items.map((i) => i["zh-CN"]).join(sep["zh-CN"]),
    en: items.map((i) => i.en).join(sep.en),
  };
}

/** Name parts: numbers (Arabic or Chinese numerals) as numbers, the rest as text. */
function nameParts(name: string): (string | number)[] {
  const s = name.normalize("NFKC").replace(/[零〇一二两三四五六七八九十]+/g, (run) => {
    const n = parseChineseNumber(run);
    return n === undefined ? run : String(n);
  });
  return (s.match(/\d+|\D+/g) ?? []).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Compares names as a school orders them: numbers by value (二年级 < 十年级, 2班 < 10班), then the
 * text by code point, then the raw names. Independent of locale, so the same everywhere.
 *
 * @example ["十年级", "二年级", "一年级"].sort(compareNames) // ["一年级", "二年级", "十年级"]
 */
export function compareNames(a: string, b: string): number {
  const pa = nameParts(a);
  const pb = nameParts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string | number;
    const y = pb[i] as string | number;
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y) return x - y;
    } else if (typeof x === "number") return -1;
    else if (typeof y === "number") return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function pupils(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : 0;
}

function places(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function minutesOf(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Groups merged by id (sizes added, the first name in name order kept) and put in canonical order. */
function canonicalGroups(input: readonly RecessGroup[], warnings: RecessWarning[]): RecessGroup[] {
  const byId = new Map<string, RecessGroup[]>();
  for (const g of input) byId.set(g.id, [...(byId.get(g.id) ?? []), g]);
  const groups: RecessGroup[] = [];
  for (const [id, list] of byId) {
    const name = list.map((g) => g.name).sort(compareNames)[0] ?? id;
    const size = list.reduce((sum, g) => sum + pupils(g.size), 0);
    groups.push({ id, name, size });
    if (list.length > 1)
      warnings.push({
        code: "duplicate-group",
        message: fill(MSG.duplicateGroup, { group: name, count: list.length, size }),
        group: id,
        data: { group: id, count: list.length, size },
      });
  }
  return groups.sort((a, b) => compareNames(a.name, b.name) || compareNames(a.id, b.id) || a.size - b.size);
}

/** Venues merged by name (the smaller capacity kept) and put in canonical order. */
function canonicalVenues(input: readonly RecessVenue[], warnings: RecessWarning[]): RecessVenue[] {
  const byName = new Map<string, number[]>();
  for (const v of input) byName.set(v.name, [...(byName.get(v.name) ?? []), places(v.capacity)]);
  const venues: RecessVenue[] = [];
  for (const [name, caps] of byName) {
    const capacity = Math.min(...caps);
    venues.push({ name, capacity });
    if (caps.length > 1) {
      const sorted = [...caps].sort((a, b) => a - b);
      warnings.push({
        code: "duplicate-venue",
        message: fill(MSG.duplicateVenue, {
          venue: name,
          count: caps.length,
          capacities: joinBilingual(
            sorted.map((c) => tr(String(c), String(c))),
            MSG.sep,
          ),
          capacity,
        }),
        venue: name,
        data: { venue: name, count: caps.length, capacities: sorted, capacity },
      });
    }
  }
  return venues.sort((a, b) => compareNames(a.name, b.name) || a.capacity - b.capacity);
}

// ---------------------------------------------------------------------------------------------------
// One day's arrangement: dynamic programming over sets of groups, or branch and bound for many groups.

/** Search nodes spent and allowed; shared by the searches of one solve. */
interface Budget {
  nodes: number;
  max: number;
  exhausted: boolean;
}

function spend(budget: Budget): boolean {
  if (++budget.nodes > budget.max) budget.exhausted = true;
  return budget.exhausted;
}

/** One day's problem over canonical group and venue indices. */
interface DayProblem {
  sizes: readonly number[];
  capacities: readonly number[];
  /** How many groups are placed: exactly this many (the most that fit, see {@link maxPlaceable}). */
  placed: number;
  /** Cost of group g on venue v. */
  placeCost(g: number, v: number): number;
  /** Cost of leaving group g out. */
  unplacedCost(g: number): number;
  /** Options ruled out: venue index, or -1 for leaving the group out. */
  forbid?(g: number, v: number): boolean;
}

/** An arrangement: venue index per group (-1 = left out), its cost, and whether it is proved best. */
interface DaySolution {
  assignment: number[];
  cost: number;
  exact: boolean;
}

/**
 * The most groups that fit on the venues at once, with one arrangement that places them. If some k
 * groups fit, the k smallest fit too (swap each for a smaller one), so it is the largest k whose k
 * smallest groups pack into the venues. `exact` is false when the search limit cut a proof short.
 */
function maxPlaceable(
  sizes: readonly number[],
  capacities: readonly number[],
  budget: Budget,
): { count: number; packing: number[]; exact: boolean } {
  if (sizes.length <= DP_MAX_GROUPS) {
    const { best, chosen } = subsetLayers(sizes, capacities, () => 0);
    let most = 0;
    for (let s = 1; s < best.length; s++)
      if ((best[s] as number) === 0 && popcount(s) > popcount(most)) most = s;
    return { count: popcount(most), packing: unwind(chosen, most, sizes.length), exact: true };
  }
  const ascending = [...sizes.keys()].sort((a, b) => (sizes[a] as number) - (sizes[b] as number) || a - b);
  const largest = Math.max(0, ...capacities);
  const total = capacities.reduce((s, c) => s + c, 0);
  let bound = 0;
  let used = 0;
  for (const g of ascending) {
    const size = sizes[g] as number;
    if (size > largest || used + size > total) break;
    used += size;
    bound++;
  }
  let exact = true;
  for (let k = bound; k > 0; k--) {
    const items = ascending.slice(0, k).reverse();
    const bins = packs(
      items.map((g) => sizes[g] as number),
      capacities,
      budget,
    );
    if (bins === undefined) exact = false;
    if (bins) {
      const packing = new Array<number>(sizes.length).fill(-1);
      items.forEach((g, i) => {
        packing[g] = bins[i] as number;
      });
      return { count: k, packing, exact };
    }
  }
  return { count: 0, packing: new Array<number>(sizes.length).fill(-1), exact };
}

/**
 * The bin of each item (largest first) when they all pack into the bins; false when they do not;
 * undefined when the search limit was hit first.
 */
function packs(
  items: readonly number[],
  bins: readonly number[],
  budget: Budget,
): number[] | false | undefined {
  const rem = [...bins];
  const into = new Array<number>(items.length).fill(-1);
  let left = items.reduce((s, x) => s + x, 0);
  const place = (i: number): boolean | undefined => {
    if (i === items.length) return true;
    if (spend(budget)) return undefined;
    const size = items[i] as number;
    // Room no item left can use is lost.
    const smallest = items[items.length - 1] as number;
    let usable = 0;
    for (const r of rem) if (r >= smallest) usable += r;
    if (usable < left) return false;
    const tried = new Set<number>();
    for (let b = 0; b < rem.length; b++) {
      const r = rem[b] as number;
      // Bins with the same room left are interchangeable for the rest.
      if (r < size || tried.has(r)) continue;
      tried.add(r);
      rem[b] = r - size;
      left -= size;
      into[i] = b;
      const done = place(i + 1);
      rem[b] = r;
      left += size;
      if (done !== false) return done;
    }
    return false;
  };
  const done = place(0);
  return done === undefined ? undefined : done ? into : false;
}

/** Days with at most this many groups are solved by dynamic programming over subsets (3^n per venue). */
const DP_MAX_GROUPS = 12;

/**
 * Over the venues in turn, the least cost of placing each set of groups (a bit mask over group
 * indices), each venue extended by every set of the other groups it holds; and for each venue and
 * resulting set, the groups put on that venue. `cost` Infinity rules a placement out.
 */
function subsetLayers(
  sizes: readonly number[],
  capacities: readonly number[],
  cost: (g: number, v: number) => number,
): { best: Float64Array; chosen: Int32Array[] } {
  const n = sizes.length;
  const full = (1 << n) - 1;
  const sizeOf = new Float64Array(full + 1);
  for (let t = 1; t <= full; t++) {
    const g = 31 - Math.clz32(t & -t);
    sizeOf[t] = (sizeOf[t & (t - 1)] as number) + (sizes[g] as number);
  }
  let best = new Float64Array(full + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  const chosen: Int32Array[] = [];
  const costOf = new Float64Array(full + 1);
  capacities.forEach((cap, v) => {
    for (let t = 1; t <= full; t++) {
      const g = 31 - Math.clz32(t & -t);
      costOf[t] =
        (costOf[t & (t - 1)] as number) +
        ((sizes[g] as number) > cap ? Number.POSITIVE_INFINITY : cost(g, v));
    }
    const next = new Float64Array(full + 1).fill(Number.POSITIVE_INFINITY);
    const pick = new Int32Array(full + 1);
    for (let s = 0; s <= full; s++) {
      const base = best[s] as number;
      if (base === Number.POSITIVE_INFINITY) continue;
      const rest = full ^ s;
      for (let t = rest; ; t = (t - 1) & rest) {
        if ((sizeOf[t] as number) <= cap) {
          const value = base + (costOf[t] as number);
          if (value < (next[s | t] as number)) {
            next[s | t] = value;
            pick[s | t] = t;
          }
        }
        if (t === 0) break;
      }
    }
    best = next;
    chosen.push(pick);
  });
  return { best, chosen };
}

/** The venue of each group (-1 = none) in the set placed, from {@link subsetLayers}' choices. */
function unwind(chosen: readonly Int32Array[], placedSet: number, n: number): number[] {
  const assignment = new Array<number>(n).fill(-1);
  let set = placedSet;
  for (let v = chosen.length - 1; v >= 0; v--) {
    const t = (chosen[v] as Int32Array)[set] as number;
    for (let g = 0; g < n; g++) if (t & (1 << g)) assignment[g] = v;
    set ^= t;
  }
  return assignment;
}

/**
 * Solves one day: the arrangement of least cost with exactly `placed` groups on venues, every venue
 * within its capacity; undefined when none meets the constraints (or, for more than
 * {@link DP_MAX_GROUPS} groups, the search limit came first). Exact up to {@link DP_MAX_GROUPS} groups.
 */
function solveDay(p: DayProblem, budget: Budget): DaySolution | undefined {
  const n = p.sizes.length;
  if (n > DP_MAX_GROUPS) return searchAll(p, budget);
  const { best, chosen } = subsetLayers(p.sizes, p.capacities, (g, v) =>
    p.forbid?.(g, v) ? Number.POSITIVE_INFINITY : p.placeCost(g, v),
  );
  let set = -1;
  let cost = Number.POSITIVE_INFINITY;
  for (let s = 0; s < best.length; s++) {
    if ((best[s] as number) === Number.POSITIVE_INFINITY || popcount(s) !== p.placed) continue;
    let value = best[s] as number;
    for (let g = 0; g < n; g++)
      if (!(s & (1 << g))) value += p.forbid?.(g, -1) ? Number.POSITIVE_INFINITY : p.unplacedCost(g);
    if (value < cost) {
      cost = value;
      set = s;
    }
  }
  return set < 0 ? undefined : { assignment: unwind(chosen, set, n), cost, exact: true };
}

function popcount(x: number): number {
  let c = 0;
  for (let y = x; y !== 0; y &= y - 1) c++;
  return c;
}

/**
 * One search over every group, each placed or left out (exactly `placed` of them placed): for days
 * with too many subsets of groups to leave out to try them one by one.
 */
function searchAll(p: DayProblem, budget: Budget): DaySolution | undefined {
  const n = p.sizes.length;
  const order = [...Array(n).keys()].sort((a, b) => (p.sizes[b] as number) - (p.sizes[a] as number) || a - b);
  const size = order.map((g) => p.sizes[g] as number);
  const rem = [...p.capacities];
  const assign = new Array<number>(n).fill(-1);
  let best: number[] | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  const options = order.map((g) => {
    const opts: { v: number; cost: number }[] = [];
    for (let v = 0; v < p.capacities.length; v++)
      if ((p.capacities[v] as number) >= (p.sizes[g] as number) && !p.forbid?.(g, v))
        opts.push({ v, cost: p.placeCost(g, v) });
    return opts.sort((a, b) => a.cost - b.cost || a.v - b.v);
  });
  const canLeave = order.map((g) => !p.forbid?.(g, -1));
  const leaveCost = order.map((g) => p.unplacedCost(g));

  /** A lower bound on the cost of positions k.. with `left` more groups to leave out; Infinity if none. */
  const lowerBound = (k: number, left: number): number => {
    let sum = 0;
    let forced = 0;
    const extra: number[] = [];
    let maxRem = 0;
    let totalRem = 0;
    for (const r of rem) {
      if (r > maxRem) maxRem = r;
      totalRem += r;
    }
    for (let i = k; i < n; i++) {
      const o = (options[i] as { v: number; cost: number }[]).find(
        (x) => (rem[x.v] as number) >= (size[i] as number),
      );
      if (!o) {
        if (!canLeave[i]) return Number.POSITIVE_INFINITY;
        forced++;
        sum += leaveCost[i] as number;
      } else {
        sum += o.cost;
        if (canLeave[i]) extra.push((leaveCost[i] as number) - o.cost);
      }
    }
    if (forced > left || forced + extra.length < left) return Number.POSITIVE_INFINITY;
    extra.sort((a, b) => a - b);
    for (let j = 0; j < left - forced; j++) sum += extra[j] as number;
    // The groups to place must fit in the room left: fill it with the smallest first.
    const toPlace = n - k - left;
    let fit = 0;
    let used = 0;
    for (let i = n - 1; i >= k && fit < toPlace; i--) {
      const s = size[i] as number;
      if (s > maxRem || used + s > totalRem) continue;
      used += s;
      fit++;
    }
    return fit < toPlace ? Number.POSITIVE_INFINITY : sum;
  };

  const search = (k: number, left: number, cost: number): void => {
    if (spend(budget)) return;
    if (k === n) {
      if (left === 0 && cost < bestCost) {
        bestCost = cost;
        best = [...assign];
      }
      return;
    }
    if (cost + lowerBound(k, left) >= bestCost) return;
    const g = order[k] as number;
    const s = size[k] as number;
    for (const o of options[k] as { v: number; cost: number }[]) {
      if ((rem[o.v] as number) < s) continue;
      rem[o.v] = (rem[o.v] as number) - s;
      assign[g] = o.v;
      search(k + 1, left, cost + o.cost);
      rem[o.v] = (rem[o.v] as number) + s;
      assign[g] = -1;
      if (budget.exhausted) return;
    }
    if (left > 0 && canLeave[k]) search(k + 1, left - 1, cost + (leaveCost[k] as number));
  };
  search(0, n - p.placed, 0);
  return best ? { assignment: best, cost: bestCost, exact: !budget.exhausted } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The week.

interface Week {
  /** Per day index, per group: venue index or -1. */
  days: number[][];
  /** Per day index: whether its arrangement was proved best. */
  exact: boolean[];
}

/** Groups placed on one venue every day of a week of at least two days: group index → venue index. */
function stuckGroups(days: readonly (readonly number[])[], n: number): Map<number, number> {
  const stuck = new Map<number, number>();
  if (days.length < 2) return stuck;
  for (let g = 0; g < n; g++) {
    const first = days[0]?.[g] as number;
    if (first >= 0 && days.every((d) => d[g] === first)) stuck.set(g, first);
  }
  return stuck;
}

/**
 * Builds the week's rotation: the most groups that fit are placed every day; days in order, each solved
 * given the days before; then groups stuck on one venue are freed where possible. Each solve may spend
 * `maxNodes` search nodes; when it runs out, the best arrangement found so far is kept (or one packing
 * of the most groups that fit) and the day is marked not exact.
 */
function rotate(sizes: readonly number[], caps: readonly number[], dayCount: number, maxNodes: number): Week {
  const n = sizes.length;
  const m = caps.length;
  const budget = (): Budget => ({ nodes: 0, max: maxNodes, exhausted: false });
  const most = maxPlaceable(sizes, caps, budget());
  // Weights of the lexicographic objective (see the module comment): with the number placed fixed,
  // fairness of who is left out, then repeated venues, then the cyclic preference.
  const wRepeat = n * m + 1;
  const wFair = (n * dayCount + 2) * wRepeat;

  const problemFor = (d: number, others: readonly (readonly number[])[]): DayProblem => {
    const uses = Array.from({ length: n }, () => new Array<number>(m).fill(0));
    const out = new Array<number>(n).fill(0);
    for (const day of others)
      day.forEach((v, g) => {
        if (v >= 0) (uses[g] as number[])[v] = ((uses[g] as number[])[v] as number) + 1;
        else out[g] = (out[g] as number) + 1;
      });
    return {
      sizes,
      capacities: caps,
      placed: most.count,
      placeCost: (g, v) => ((uses[g] as number[])[v] as number) * wRepeat + ((v - ((g + d) % m) + m) % m),
      unplacedCost: (g) => (out[g] as number) * wFair,
    };
  };
  const costOf = (p: DayProblem, assignment: readonly number[]) =>
    assignment.reduce((sum, u, h) => sum + (u >= 0 ? p.placeCost(h, u) : p.unplacedCost(h)), 0);

  const days: number[][] = [];
  const exact: boolean[] = [];
  for (let d = 0; d < dayCount; d++) {
    const solution = solveDay(problemFor(d, days), budget());
    days.push(solution?.assignment ?? [...most.packing]);
    exact.push(most.exact && (solution?.exact ?? false));
  }

  // Repair: free a stuck group on some day without sticking another, keeping as many groups placed.
  let changed = true;
  while (changed) {
    changed = false;
    const stuck = stuckGroups(days, n);
    for (const [g, v] of stuck) {
      // Nowhere else it could go.
      if (!caps.some((c, u) => u !== v && c >= (sizes[g] as number))) continue;
      let bestRepair: { d: number; assignment: number[]; delta: number } | undefined;
      for (let d = 0; d < dayCount; d++) {
        const others = days.filter((_, i) => i !== d);
        // Groups on one venue every other day: they must not be put there on this day.
        const wouldStick = new Map<number, number>();
        for (let h = 0; h < n; h++) {
          if (h === g || stuck.has(h)) continue;
          const first = others[0]?.[h] as number;
          if (first >= 0 && others.every((o) => o[h] === first)) wouldStick.set(h, first);
        }
        const base = problemFor(d, others);
        const spent = budget();
        const solution = solveDay(
          { ...base, forbid: (h, u) => (h === g ? u === v || u === -1 : wouldStick.get(h) === u) },
          spent,
        );
        if (spent.exhausted) exact[d] = false;
        if (!solution) continue;
        const delta = solution.cost - costOf(base, days[d] as number[]);
        if (!bestRepair || delta < bestRepair.delta)
          bestRepair = { d, assignment: solution.assignment, delta };
      }
      if (bestRepair) {
        days[bestRepair.d] = bestRepair.assignment;
        changed = true;
        break;
      }
    }
  }
  return { days, exact };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Plans the big recess: the programme's timing, the weekly venue rotation of the grades (or classes),
 * and each group's daily physical activity by source, with bilingual warnings for a programme shorter
 * than `minMinutes`, segments of 0 minutes or less, a fixed venue too small for everyone, groups that
 * cannot be given a venue (named with their size and the largest venue), days below
 * `dailyTargetMinutes` (one warning per group, listing the days), after-school sessions outside the
 * recess weekdays, unknown group references and duplicate groups or venues.
 *
 * @param options - segments, groups, venues, weekdays, after-school sessions, PE lessons and targets
 * @returns the plan; deterministic, and the same whatever the order of the groups and venues
 * @example
 * const plan = planBigRecess({
 *   segments: [{ name: "入场", minutes: 5 }, { name: "广播操", minutes: 10 }, { name: "跑操", minutes: 15 }],
 *   groups: [{ id: "1", name: "一年级", size: 280 }, { id: "2", name: "二年级", size: 300 }],
 *   venues: [{ name: "操场", capacity: 600 }, { name: "篮球场", capacity: 300 }],
 * });
 * plan.totalMinutes // 30
 * plan.rotation[0]?.assignments // [{ group: "1", venue: "操场" }, { group: "2", venue: "篮球场" }]
 */
export function planBigRecess(options: PlanBigRecessOptions): BigRecessPlan {
  const warnings: RecessWarning[] = [];
  const minMinutes = options.minMinutes ?? 30;
  const peLessonMinutes = options.peLessonMinutes ?? 40;
  const otherDailyMinutes = minutesOf(options.otherDailyMinutes ?? 0);
  const dailyTargetMinutes = options.dailyTargetMinutes ?? 120;
  const maxNodes = options.maxSearchNodes ?? 50_000;
  const weekdays = [...new Set(options.weekdays ?? [1, 2, 3, 4, 5])]
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    .sort((a, b) => a - b);

  // The programme.
  const segments: PlannedSegment[] = [];
  let offset = 0;
  options.segments.forEach((s, index) => {
    if (!(Number.isFinite(s.minutes) && s.minutes > 0))
      warnings.push({
        code: "segment-minutes",
        message: fill(MSG.segmentMinutes, { name: s.name, minutes: s.minutes }),
        segment: index,
        data: { segment: s.name, minutes: s.minutes },
      });
    const minutes = minutesOf(s.minutes);
    const venueNeeded = s.venueNeeded ?? s.venue === undefined;
    segments.push({
      name: s.name,
      minutes,
      venueNeeded,
      ...(s.venue === undefined ? {} : { venue: s.venue }),
      start: offset,
      end: offset + minutes,
    });
    offset += minutes;
  });
  const totalMinutes = offset;
  const venueMinutes = segments.reduce((sum, s) => sum + (s.venueNeeded ? s.minutes : 0), 0);
  if (totalMinutes < minMinutes)
    warnings.push({
      code: "recess-too-short",
      message: fill(MSG.tooShort, {
        total: totalMinutes,
        min: minMinutes,
        missing: minMinutes - totalMinutes,
      }),
      data: { totalMinutes, minMinutes, missingMinutes: minMinutes - totalMinutes },
    });

  const groups = canonicalGroups(options.groups ?? [], warnings);
  const venues = canonicalVenues(options.venues ?? [], warnings);
  const totalPupils = groups.reduce((sum, g) => sum + g.size, 0);
  const totalCapacity = venues.reduce((sum, v) => sum + v.capacity, 0);
  const largest = [...venues].sort((a, b) => b.capacity - a.capacity || compareNames(a.name, b.name))[0];

  // A fixed venue for everyone.
  options.segments.forEach((s, index) => {
    const venue = s.venue === undefined ? undefined : venues.find((v) => v.name === s.venue);
    if (!venue || groups.length === 0 || totalPupils <= venue.capacity) return;
    warnings.push({
      code: "venue-over-capacity",
      message: fill(MSG.overCapacity, {
        segment: s.name,
        venue: venue.name,
        count: groups.length,
        pupils: totalPupils,
        capacity: venue.capacity,
      }),
      segment: index,
      venue: venue.name,
      data: { segment: s.name, venue: venue.name, pupils: totalPupils, capacity: venue.capacity },
    });
  });

  // The rotation.
  const rotationBuilt = venues.length > 0 && groups.length > 0 && venueMinutes > 0 && weekdays.length > 0;
  const rotation: RecessDay[] = [];
  let exact = true;
  if (rotationBuilt) {
    const week = rotate(
      groups.map((g) => g.size),
      venues.map((v) => v.capacity),
      weekdays.length,
      maxNodes,
    );
    weekdays.forEach((weekday, d) => {
      const day = week.days[d] as number[];
      if (!week.exact[d]) {
        exact = false;
        warnings.push({
          code: "search-limit",
          message: fill(MSG.searchLimit, { weekday: weekdayName(weekday) }),
          weekdays: [weekday],
          data: { weekday },
        });
      }
      rotation.push({
        weekday,
        assignments: groups.map((g, i) => ({
          group: g.id,
          venue: (day[i] as number) >= 0 ? (venues[day[i] as number] as RecessVenue).name : null,
        })),
        load: venues.map((v, j) => {
          const on = groups.filter((_, i) => day[i] === j);
          return {
            venue: v.name,
            capacity: v.capacity,
            pupils: on.reduce((sum, g) => sum + g.size, 0),
            groups: on.map((g) => g.id),
          };
        }),
      });
    });
    for (const g of groups) {
      const days = rotation.filter((r) => r.assignments.some((a) => a.group === g.id && a.venue === null));
      if (days.length === 0) continue;
      const off = days.map((r) => r.weekday);
      const top = largest as RecessVenue;
      const common = {
        largest: top.name,
        largestCapacity: top.capacity,
        capacity: totalCapacity,
        count: groups.length,
        pupils: totalPupils,
      };
      const reason =
        g.size > top.capacity
          ? "too-big"
          : totalPupils > totalCapacity
            ? "over-total-capacity"
            : "does-not-fit-whole";
      const reasonText = fill(
        reason === "too-big"
          ? MSG.reasonTooBig
          : reason === "over-total-capacity"
            ? MSG.reasonTotal
            : MSG.reasonPacking,
        common,
      );
      warnings.push({
        code: "group-without-venue",
        message: fill(MSG.withoutVenue, {
          group: g.name,
          size: g.size,
          days: weekdayList(off),
          reason: reasonText,
        }),
        group: g.id,
        weekdays: off,
        data: {
          group: g.id,
          name: g.name,
          size: g.size,
          weekdays: off,
          reason,
          largestVenue: top.name,
          largestCapacity: top.capacity,
          totalCapacity,
          totalPupils,
        },
      });
    }
  }

  // Group references.
  const groupOf = new Map<string, string>();
  for (const g of groups) groupOf.set(g.name, g.id);
  for (const g of groups) groupOf.set(g.id, g.id);

  const pe = new Map<string, number>(); // `${group}|${weekday}` → lessons
  const peGiven = new Set<string>();
  (options.peLessons ?? []).forEach((l, index) => {
    const id = groupOf.get(l.group);
    if (id === undefined) {
      warnings.push({
        code: "unknown-group",
        message: fill(MSG.unknownGroupPe, { group: l.group }),
        peLesson: index,
        data: { group: l.group },
      });
      return;
    }
    peGiven.add(id);
    const key = `${id}|${l.weekday}`;
    pe.set(key, (pe.get(key) ?? 0) + (Number.isFinite(l.lessons) && l.lessons > 0 ? l.lessons : 0));
  });

  const after = new Map<string, number>(); // `${group}|${weekday}` → minutes
  const sessions = options.afterSchool ?? [];
  sessions.forEach((s, index) => {
    if (!weekdays.includes(s.weekday)) {
      warnings.push({
        code: "session-off-day",
        message: fill(MSG.sessionOffDay, {
          name: s.name,
          weekday: weekdayName(s.weekday),
          weekdays: weekdayList(weekdays),
        }),
        session: index,
        weekdays: [s.weekday],
        data: { session: s.name, weekday: s.weekday },
      });
      return;
    }
    const ids = new Set<string>();
    for (const ref of s.groups ?? groups.map((g) => g.id)) {
      const id = groupOf.get(ref);
      if (id !== undefined) ids.add(id);
      else
        warnings.push({
          code: "unknown-group",
          message: fill(MSG.unknownGroupSession, { name: s.name, group: ref }),
          session: index,
          data: { session: s.name, group: ref },
        });
    }
    for (const id of ids) {
      const key = `${id}|${s.weekday}`;
      after.set(key, (after.get(key) ?? 0) + minutesOf(s.minutes));
    }
  });

  // Daily activity.
  const activity: GroupActivity[] = groups.map((g, i) => ({
    group: g.id,
    name: g.name,
    size: g.size,
    peGiven: peGiven.has(g.id),
    days: weekdays.map((weekday, d) => {
      const venue = rotationBuilt ? (rotation[d]?.assignments[i]?.venue ?? null) : undefined;
      const recessMinutes = venue === null ? totalMinutes - venueMinutes : totalMinutes;
      const peLessons = pe.get(`${g.id}|${weekday}`) ?? 0;
      const peMinutes = peLessons * peLessonMinutes;
      const afterSchoolMinutes = after.get(`${g.id}|${weekday}`) ?? 0;
      return {
        weekday,
        ...(venue === undefined ? {} : { venue }),
        recessMinutes,
        peLessons,
        peMinutes,
        afterSchoolMinutes,
        otherMinutes: otherDailyMinutes,
        totalMinutes: recessMinutes + peMinutes + afterSchoolMinutes + otherDailyMinutes,
      };
    }),
  }));

  for (const a of activity) {
    const short = a.days.filter((d) => d.totalMinutes < dailyTargetMinutes);
    if (short.length === 0) continue;
    const byTotal = new Map<number, number[]>();
    for (const d of short) byTotal.set(d.totalMinutes, [...(byTotal.get(d.totalMinutes) ?? []), d.weekday]);
    const every = byTotal.size === 1 && short.length === weekdays.length && weekdays.length > 1;
    const parts = [...byTotal].map(([minutes, days]) =>
      fill(every ? MSG.dayTotalsEvery : MSG.dayTotals, { days: weekdayList(days), minutes }),
    );
    const notes = [
      ...(a.peGiven ? [] : [fill(MSG.noPe, { group: a.name })]),
      ...(sessions.length === 0 ? [MSG.noAfterSchool] : []),
    ];
    warnings.push({
      code: "daily-activity-short",
      message: fill(MSG.dailyShort, {
        group: a.name,
        target: dailyTargetMinutes,
        days: joinBilingual(parts, MSG.daySep),
        notes: joinBilingual(notes, tr("", "")),
      }),
      group: a.group,
      weekdays: short.map((d) => d.weekday),
      data: {
        group: a.group,
        name: a.name,
        targetMinutes: dailyTargetMinutes,
        days: short.map((d) => ({ weekday: d.weekday, totalMinutes: d.totalMinutes })),
        peGiven: a.peGiven,
        afterSchoolGiven: sessions.length > 0,
        lowerBound: !a.peGiven || sessions.length === 0,
      },
    });
  }

  return {
    segments,
    totalMinutes,
    venueMinutes,
    minMinutes,
    weekdays,
    groups,
    venues,
    rotationBuilt,
    rotation,
    exact,
    activity,
    dailyTargetMinutes,
    warnings,
  };
}
