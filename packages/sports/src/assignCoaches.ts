import type { Bilingual } from "@houqin/core";

/**
 * Track-meet coach assignment, 人盯人 (三(五)2): every athlete gets exactly one responsible coach for each
 * event group they compete in. Pure core — no workbook types.
 */

/** An athlete and the events they train for ("100m", "跳远", "4×100m"…). */
export interface CoachingAthlete {
  id: string;
  name: string;
  events: readonly string[];
}

/**
 * A coach, the events they coach and the most athlete-groups they take. An entry of `events` may also
 * be a group name ("短跑"), meaning every event of that group.
 */
export interface Coach {
  id: string;
  name: string;
  events: readonly string[];
  maxAthletes: number;
}

export interface AssignCoachesOptions {
  /** Event → group, merged over {@link DEFAULT_EVENT_GROUPS}. Events found in neither are a group of their own. */
  groups?: Readonly<Record<string, string>>;
}

export interface CoachAssignment {
  athleteId: string;
  group: string;
  coachId: string;
  /** The athlete's events in this group (normalised, e.g. "100m"). */
  events: string[];
}

export type UncoveredReason = "no-coach-for-event" | "coaches-full";

export interface UncoveredAthleteGroup {
  athleteId: string;
  group: string;
  events: string[];
  reason: UncoveredReason;
  message: Bilingual;
}

export interface CoachAssignmentResult {
  /** Sorted by athlete id, then group. */
  assignments: CoachAssignment[];
  /** Athlete-group assignments per coach id (every coach present, 0 when idle). */
  load: Record<string, number>;
  /** Athlete-groups that could not be given a coach, with the reason. Sorted like `assignments`. */
  uncovered: UncoveredAthleteGroup[];
}

/** The default event → group table (short sprint, middle/long distance, jumps, throws, relay). */
export const DEFAULT_EVENT_GROUPS: Readonly<Record<string, string>> = {
  "50m": "短跑",
  "60m": "短跑",
  "100m": "短跑",
  "200m": "短跑",
  "400m": "中长跑",
  "800m": "中长跑",
  "1000m": "中长跑",
  "1500m": "中长跑",
  "3000m": "中长跑",
  跳远: "跳跃",
  跳高: "跳跃",
  三级跳: "跳跃",
  三级跳远: "跳跃",
  立定跳远: "跳跃",
  铅球: "投掷",
  实心球: "投掷",
  垒球: "投掷",
  掷垒球: "投掷",
  标枪: "投掷",
  "4×100m": "接力",
  "4×400m": "接力",
};

const GROUP_EN: Readonly<Record<string, string>> = {
  短跑: "sprint",
  中长跑: "middle/long-distance",
  跳跃: "jumps",
  投掷: "throws",
  接力: "relay",
};

/**
 * Normalises an event name as people type it: full-width to half-width, spaces dropped, "米"/"M" after a
 * digit to "m", "x"/"X"/"*" between digits to "×", a trailing 跑 or 接力 dropped. "４ x １００米" → "4×100m",
 * "4×100米接力" → "4×100m", "100米跑" → "100m".
 */
export function normalizeEvent(event: string): string {
  return (
    event
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/(\d)\s*[xX*]\s*(\d)/g, "$1×$2")
      .replace(/(\d)(?:米|M)/g, "$1m")
      // "4×100米接力", "4×100" → "4×100m"; "100米跑" → "100m".
      .replace(/^(\d+×\d+)m?(?:接力跑?|relay)?$/i, "$1m")
      .replace(/^(\d+m)(?:跑步?|run)$/i, "$1")
  );
}

/** The group of an event under the default table merged with `groups` (an unknown event is its own group). */
export function eventGroupOf(event: string, groups?: Readonly<Record<string, string>>): string {
  const table = groupTable(groups);
  const key = normalizeEvent(event);
  return table.get(key) ?? key;
}

function groupTable(groups?: Readonly<Record<string, string>>): Map<string, string> {
  const table = new Map<string, string>();
  for (const [event, group] of Object.entries(DEFAULT_EVENT_GROUPS)) table.set(normalizeEvent(event), group);
  for (const [event, group] of Object.entries(groups ?? {})) {
    const key = normalizeEvent(event);
    const value = group.trim();
    if (key !== "" && value !== "") table.set(key, value);
  }
  return table;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupEn(group: string): string {
  return GROUP_EN[group] ?? group;
}

/** Athlete-group unit of demand. */
interface Demand {
  athleteId: string;
  athleteName: string;
  group: string;
  events: string[];
  eligible: number[]; // coach indices
}

interface NormalCoach {
  id: string;
  name: string;
  covers: Set<string>; // normalised events and group names
  max: number;
}

/**
 * Assigns one coach to every (athlete, event group).
 *
 * Rules:
 * - A coach is eligible for an athlete's group only if they coach **every** one of the athlete's events
 *   in that group (a coach listing only 100m is not given an athlete who also runs 200m); listing the
 *   group name itself ("短跑") covers all its events.
 * - Load counts athlete-group assignments: an athlete in 短跑 and 跳跃 under the same coach counts 2, and
 *   `maxAthletes` caps that count. (Negative / NaN caps count as 0, fractions are rounded down.)
 * - As many athlete-groups as possible are covered (maximum flow); among those assignments, the one with
 *   the smallest sum of squared loads is chosen (min-cost flow with convex costs). So no chain of
 *   reassignments can move work from a coach with load ≥ L+2 to an eligible coach with load L and room;
 *   when every coach can take every group, max − min ≤ 1 among coaches below their cap.
 * - Deterministic: inputs are sorted by id (duplicate athlete ids are merged, events united; a
 *   duplicate coach id keeps the entry that sorts first by name), so input order never matters.
 * - What cannot be covered is listed in `uncovered`, never thrown.
 */
export function assignCoaches(
  athletes: readonly CoachingAthlete[],
  coaches: readonly Coach[],
  options: AssignCoachesOptions = {},
): CoachAssignmentResult {
  const table = groupTable(options.groups);
  const groupOf = (event: string): string => table.get(event) ?? event;

  // Coaches: canonical order, deduplicated by id.
  const sortedCoaches = [...coaches].sort(
    (a, b) =>
      cmp(a.id, b.id) ||
      cmp(a.name, b.name) ||
      cmp(
        a.events.map(normalizeEvent).sort().join("\u0000"),
        b.events.map(normalizeEvent).sort().join("\u0000"),
      ) ||
      safeCap(b.maxAthletes) - safeCap(a.maxAthletes),
  );
  const coachList: NormalCoach[] = [];
  for (const c of sortedCoaches) {
    if (coachList.length > 0 && coachList[coachList.length - 1]?.id === c.id) continue;
    coachList.push({
      id: c.id,
      name: c.name,
      covers: new Set(c.events.map(normalizeEvent).filter((e) => e !== "")),
      max: safeCap(c.maxAthletes),
    });
  }
  const coaches_ = coachList;
  const coversEvent = (c: NormalCoach, event: string): boolean =>
    c.covers.has(event) || c.covers.has(groupOf(event));

  // Athletes: merged by id, then split into athlete-group demands.
  const byAthlete = new Map<string, { name: string; events: Set<string> }>();
  const sortedAthletes = [...athletes].sort((a, b) => cmp(a.id, b.id) || cmp(a.name, b.name));
  for (const a of sortedAthletes) {
    let entry = byAthlete.get(a.id);
    if (!entry) {
      entry = { name: a.name, events: new Set() };
      byAthlete.set(a.id, entry);
    }
    for (const e of a.events) {
      const n = normalizeEvent(e);
      if (n !== "") entry.events.add(n);
    }
  }
  const demands: Demand[] = [];
  for (const [athleteId, { name, events }] of [...byAthlete].sort((x, y) => cmp(x[0], y[0]))) {
    const perGroup = new Map<string, string[]>();
    for (const e of events) {
      const g = groupOf(e);
      const list = perGroup.get(g) ?? [];
      list.push(e);
      perGroup.set(g, list);
    }
    for (const [group, list] of [...perGroup].sort((x, y) => cmp(x[0], y[0]))) {
      list.sort(cmp);
      const eligible: number[] = [];
      coaches_.forEach((c, i) => {
        if (list.every((e) => coversEvent(c, e))) eligible.push(i);
      });
      demands.push({ athleteId, athleteName: name, group, events: list, eligible });
    }
  }

  const chosen = solve(demands, coaches_);

  const assignments: CoachAssignment[] = [];
  const uncovered: UncoveredAthleteGroup[] = [];
  const load: Record<string, number> = {};
  for (const c of coaches_) load[c.id] = 0;
  demands.forEach((d, i) => {
    const ci = chosen[i];
    const coach = ci === undefined ? undefined : coaches_[ci];
    if (coach) {
      assignments.push({ athleteId: d.athleteId, group: d.group, coachId: coach.id, events: d.events });
      load[coach.id] = (load[coach.id] ?? 0) + 1;
    } else if (d.eligible.length === 0) {
      uncovered.push({
        athleteId: d.athleteId,
        group: d.group,
        events: d.events,
        reason: "no-coach-for-event",
        message: noCoachMessage(d, coaches_, coversEvent),
      });
    } else {
      uncovered.push({
        athleteId: d.athleteId,
        group: d.group,
        events: d.events,
        reason: "coaches-full",
        message: fullMessage(d, coaches_),
      });
    }
  });
  return { assignments, load, uncovered };
}

function safeCap(max: number): number {
  return Number.isNaN(max) || max <= 0 ? 0 : Math.floor(max);
}

function noCoachMessage(
  d: Demand,
  coaches: readonly NormalCoach[],
  coversEvent: (c: NormalCoach, e: string) => boolean,
): Bilingual {
  const missing = d.events.filter((e) => !coaches.some((c) => coversEvent(c, e)));
  const gEn = groupEn(d.group);
  if (missing.length > 0) {
    return {
      "zh-CN": `${d.athleteName}的${d.group}项目没有教练可带：没有教练报带${missing.join("、")}`,
      en: `${d.athleteName} has no coach for ${gEn}: no coach coaches ${missing.join(", ")}`,
    };
  }
  return {
    "zh-CN": `${d.athleteName}的${d.group}项目没有教练可带：没有一位教练同时报带${d.events.join("、")}`,
    en: `${d.athleteName} has no coach for ${gEn}: no single coach coaches all of ${d.events.join(", ")}`,
  };
}

function fullMessage(d: Demand, coaches: readonly NormalCoach[]): Bilingual {
  const names = d.eligible.map((i) => coaches[i]).filter((c): c is NormalCoach => c !== undefined);
  const zh = names.map((c) => `${c.name}（上限${c.max}人）`).join("、");
  const en = names.map((c) => `${c.name} (max ${c.max})`).join(", ");
  return {
    "zh-CN": `${d.athleteName}的${d.group}项目无法安排教练：能带的教练${zh}都已带满`,
    en: `${d.athleteName} cannot be given a ${groupEn(d.group)} coach: the coaches who could take them, ${en}, are all full`,
  };
}

/**
 * Min-cost maximum flow, source → demand (cap 1) → eligible coach (cap 1) → sink, where the k-th unit
 * into a coach costs 2k − 1 (so total cost is the sum of squared loads). Successive shortest paths with
 * Bellman–Ford (SPFA) over a deterministic edge order. Returns the coach index per demand.
 */
function solve(demands: readonly Demand[], coaches: readonly NormalCoach[]): (number | undefined)[] {
  const S = 0;
  const T = 1;
  const demandNode = (i: number): number => 2 + i;
  const coachNode = (j: number): number => 2 + demands.length + j;
  const n = 2 + demands.length + coaches.length;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: n }, () => []);
  const addEdge = (u: number, v: number, c: number, w: number): number => {
    const id = to.length;
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
    adj[u]?.push(id);
    adj[v]?.push(id + 1);
    return id;
  };

  const wanted = new Array<number>(coaches.length).fill(0);
  const demandEdges: number[][] = [];
  demands.forEach((d, i) => {
    addEdge(S, demandNode(i), 1, 0);
    demandEdges.push(d.eligible.map((j) => addEdge(demandNode(i), coachNode(j), 1, 0)));
    for (const j of d.eligible) wanted[j] = (wanted[j] ?? 0) + 1;
  });
  coaches.forEach((c, j) => {
    const units = Math.min(c.max, wanted[j] ?? 0);
    for (let k = 1; k <= units; k++) addEdge(coachNode(j), T, 1, 2 * k - 1);
  });

  const dist = new Array<number>(n);
  const prevEdge = new Array<number>(n);
  const inQueue = new Array<boolean>(n);
  for (;;) {
    dist.fill(Number.POSITIVE_INFINITY);
    prevEdge.fill(-1);
    inQueue.fill(false);
    dist[S] = 0;
    const queue: number[] = [S];
    inQueue[S] = true;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head] as number;
      inQueue[u] = false;
      const du = dist[u] as number;
      for (const e of adj[u] ?? []) {
        if ((cap[e] as number) <= 0) continue;
        const v = to[e] as number;
        const nd = du + (cost[e] as number);
        if (nd < (dist[v] as number)) {
          dist[v] = nd;
          prevEdge[v] = e;
          if (!inQueue[v]) {
            inQueue[v] = true;
            queue.push(v);
          }
        }
      }
    }
    if (dist[T] === Number.POSITIVE_INFINITY) break;
    // Augment one unit along the path.
    for (let v = T; v !== S; ) {
      const e = prevEdge[v] as number;
      cap[e] = (cap[e] as number) - 1;
      cap[e ^ 1] = (cap[e ^ 1] as number) + 1;
      v = to[e ^ 1] as number;
    }
  }

  return demands.map((d, i) => {
    const edges = demandEdges[i] ?? [];
    const k = edges.findIndex((e) => cap[e] === 0);
    return k < 0 ? undefined : d.eligible[k];
  });
}
