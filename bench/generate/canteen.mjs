/**
 * Seeded canteen purchase lines for the canteen roll-up benchmark, written as one CSV (`date,item,amount`,
 * amount in integer fen) that houqin and the pandas baseline both read.
 *
 * Up to 10,000 lines cover one month (November 2023, its weekdays); more cover the autumn semester
 * (2023-09-01 to 2024-01-19, its weekdays). 300 items (75 foods × 4 packings), drawn with a skewed
 * popularity (rice, pork and cabbage every day; dried goods now and then); amounts are quantity × price
 * in fen, 1% of lines are returns (negative). The same size and seed give the same file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRandom } from "@houqin/samples";

const FOODS = [
  "大米",
  "面粉",
  "挂面",
  "猪肉",
  "猪排骨",
  "牛肉",
  "羊肉",
  "鸡腿",
  "鸡胸肉",
  "鸡蛋",
  "鸭肉",
  "带鱼",
  "草鱼",
  "虾仁",
  "豆腐",
  "豆干",
  "腐竹",
  "白菜",
  "青菜",
  "菠菜",
  "芹菜",
  "生菜",
  "油麦菜",
  "西兰花",
  "花菜",
  "包菜",
  "土豆",
  "胡萝卜",
  "白萝卜",
  "洋葱",
  "番茄",
  "黄瓜",
  "茄子",
  "青椒",
  "冬瓜",
  "南瓜",
  "丝瓜",
  "豆角",
  "四季豆",
  "莲藕",
  "山药",
  "玉米",
  "蘑菇",
  "香菇",
  "木耳",
  "海带",
  "紫菜",
  "绿豆芽",
  "黄豆芽",
  "大蒜",
  "生姜",
  "葱",
  "香菜",
  "食用油",
  "酱油",
  "醋",
  "食盐",
  "白糖",
  "味精",
  "料酒",
  "淀粉",
  "花椒",
  "八角",
  "苹果",
  "香蕉",
  "橙子",
  "梨",
  "西瓜",
  "牛奶",
  "酸奶",
  "馒头",
  "包子",
  "饺子",
  "绿豆",
  "红豆",
];
const PACKINGS = ["散装", "500克袋装", "5千克箱装", "有机"];

/** The weekdays from `from` to `to`, both inclusive, as "YYYY-MM-DD". */
function weekdays(from, to) {
  const days = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** The 300 item names. */
const CANTEEN_ITEMS = FOODS.flatMap((food) => PACKINGS.map((packing) => `${food}（${packing}）`));

/**
 * Writes `purchases-<size>-<seed>.csv` into `dir` and tells what it holds.
 *
 * @param {string} dir - where to write
 * @param {number} size - purchase lines
 * @param {number} seed - the seed
 * @returns {{ file: string, days: number, items: number, from: string, to: string }}
 */
export function writePurchases(dir, size, seed) {
  const [from, to] = size <= 10_000 ? ["2023-11-01", "2023-11-30"] : ["2023-09-01", "2024-01-19"];
  const days = weekdays(from, to);
  const file = join(dir, `purchases-${size}-${seed}.csv`);
  const info = { file, days: days.length, items: CANTEEN_ITEMS.length, from, to };
  mkdirSync(dir, { recursive: true });
  const rnd = createRandom(seed).next;
  // Popularity: item i is drawn with weight 1 / (i + 1)^0.8, through a cumulative table.
  const weights = CANTEEN_ITEMS.map((_, i) => 1 / (i + 1) ** 0.8);
  const cumulative = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  const pick = () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // A price per item in fen (¥1.50–¥80.00 a unit), fixed for the term.
  const prices = CANTEEN_ITEMS.map(() => 150 + Math.floor(rnd() * 7851));
  const parts = ["date,item,amount\n"];
  for (let i = 0; i < size; i++) {
    const date = days[Math.floor((i / size) * days.length)];
    const item = pick();
    const quantity = 1 + Math.floor(rnd() * 60);
    const amount = (prices[item] ?? 0) * quantity * (rnd() < 0.01 ? -1 : 1);
    parts.push(`${date},${CANTEEN_ITEMS[item]},${amount}\n`);
  }
  writeFileSync(file, parts.join(""));
  return info;
}
