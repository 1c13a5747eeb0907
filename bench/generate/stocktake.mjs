/**
 * A seeded stocktake for the stocktake benchmark: `size` ledger lines (a district's asset ledger) and
 * about as many counted lines, already parsed, in the shapes `reconcileStocktake` takes.
 *
 * The ledger: 90% numbered assets (quantity 1, a unit price), 10% unnumbered furniture lines (课桌椅,
 * 书柜… 10–50 of them in a room, matched by name and room), over size/25 rooms; 2% of the rooms are not
 * in the count at all (`uncounted`). Of the numbered lines in counted rooms: 86% are found where the books
 * say, 4% in another room (`misplaced`), 3% in another quantity, 5% not found (盘亏), and 2% are typed
 * differently in the count (lower case, spaces, full-width letters), which still match. The count adds
 * surpluses (盘盈) worth 5% of the size: half with a number the books lack, half unnumbered. The count
 * comes room by room, as a counting team walks the building. The same seed gives the same lines.
 */
import { createRandom } from "@houqin/samples";

const NAMES = [
  "台式计算机",
  "笔记本电脑",
  "投影仪",
  "交互式电子白板",
  "空调",
  "打印机",
  "复印机",
  "照相机",
  "音响",
  "显微镜",
  "钢琴",
  "篮球架",
  "电视机",
  "服务器",
  "扫描仪",
  "摄像机",
];
const FURNITURE = ["课桌椅", "书柜", "讲台", "办公桌", "文件柜", "实验台"];
const BUILDINGS = ["教学楼", "实验楼", "综合楼", "行政楼", "图书馆"];

/** A number as a counting team might type it: "ZC2021-000123" → "zc2021 000123" or full-width letters. */
function retype(assetNo, pick) {
  switch (pick) {
    case 0:
      return assetNo.toLowerCase();
    case 1:
      return assetNo.replace("-", " ");
    default:
      return assetNo.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  }
}

/**
 * Generates the stocktake.
 *
 * @param {number} size - ledger lines
 * @param {number} seed - the seed
 * @returns {{ ledger: object[], counted: object[], planted: Record<string, number> }}
 */
export function generateStocktake(size, seed) {
  const rnd = createRandom(seed).next;
  const int = (n) => Math.floor(rnd() * n);
  const roomCount = Math.max(8, Math.round(size / 25));
  const rooms = Array.from({ length: roomCount }, (_, i) => {
    const building = BUILDINGS[i % BUILDINGS.length];
    const block = Math.floor(i / (BUILDINGS.length * 60));
    const n = Math.floor(i / BUILDINGS.length) % 60;
    return `${building}${block > 0 ? `${block}号` : ""}${1 + Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, "0")}`;
  });
  const uncountedRooms = new Set(rooms.filter(() => rnd() < 0.02));
  const planted = {
    matched: 0,
    misplaced: 0,
    quantity: 0,
    shortage: 0,
    retyped: 0,
    furniture: 0,
    surplusNumbered: 0,
    surplusUnnumbered: 0,
    inUncountedRooms: 0,
  };
  const ledger = [];
  /** Counted lines, each with the index of its room for ordering. */
  const counted = [];
  const count = (roomIndex, line) => counted.push({ roomIndex, line });
  let serial = 0;
  const furnitureSeen = new Set();
  for (let i = 0; i < size; i++) {
    const roomIndex = int(roomCount);
    const room = rooms[roomIndex];
    const inCount = !uncountedRooms.has(room);
    if (!inCount) planted.inUncountedRooms++;
    if (rnd() < 0.1) {
      // Unnumbered furniture: one line per name and room (a second line of the same name and room joins it).
      const name = FURNITURE[int(FURNITURE.length)];
      const quantity = 10 + int(41);
      ledger.push({ name, room, quantity, unitPrice: 20_000 + int(80) * 1000 });
      const key = `${name}\u0000${room}`;
      if (!inCount || furnitureSeen.has(key)) continue;
      furnitureSeen.add(key);
      planted.furniture++;
      count(roomIndex, { name, room, quantity: rnd() < 0.9 ? quantity : quantity - 1 - int(3) });
      continue;
    }
    serial += 1;
    const year = 2005 + (serial % 19);
    const assetNo = `ZC${year}-${String(serial).padStart(6, "0")}`;
    const name = NAMES[int(NAMES.length)];
    const unitPrice = (200 + int(30_000)) * 100;
    ledger.push({ assetNo, name, room, quantity: 1, unitPrice });
    if (!inCount) continue;
    const roll = rnd();
    if (roll < 0.86) {
      planted.matched++;
      count(roomIndex, { assetNo, name, room, quantity: 1 });
    } else if (roll < 0.9) {
      planted.misplaced++;
      const other = int(roomCount);
      count(other, { assetNo, name, room: rooms[other], quantity: 1 });
    } else if (roll < 0.93) {
      planted.quantity++;
      count(roomIndex, { assetNo, name, room, quantity: 2 });
    } else if (roll < 0.98) {
      planted.shortage++;
    } else {
      planted.retyped++;
      count(roomIndex, { assetNo: retype(assetNo, int(3)), name, room, quantity: 1 });
    }
  }
  const surpluses = Math.round(size * 0.05);
  for (let i = 0; i < surpluses; i++) {
    let roomIndex = int(roomCount);
    while (uncountedRooms.has(rooms[roomIndex])) roomIndex = int(roomCount);
    const room = rooms[roomIndex];
    const name = NAMES[int(NAMES.length)];
    const unitPrice = (200 + int(30_000)) * 100;
    if (i % 2 === 0) {
      planted.surplusNumbered++;
      count(roomIndex, {
        assetNo: `PY${String(i + 1).padStart(6, "0")}`,
        name,
        room,
        quantity: 1,
        unitPrice,
      });
    } else {
      planted.surplusUnnumbered++;
      count(roomIndex, { name: `${name}（未登记）`, room, quantity: 1 + int(3), unitPrice });
    }
  }
  // The count comes room by room.
  counted.sort((a, b) => a.roomIndex - b.roomIndex);
  return { ledger, counted: counted.map((c) => c.line), planted };
}
