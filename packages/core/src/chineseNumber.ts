const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * A number written in Arabic digits or Chinese numerals, as grades, classes, weeks and lessons are
 * numbered: "12", "十二", "二十", "两", and digit runs such as "二〇二三". Undefined for anything else.
 *
 * @example parseChineseNumber("十二") // 12
 * @example parseChineseNumber("二〇二三") // 2023
 */
export function parseChineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "十") return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? (CN_DIGIT[m[1]] as number) : 1) * 10 + (m[2] ? (CN_DIGIT[m[2]] as number) : 0);
  if (text !== "" && [...text].every((ch) => ch in CN_DIGIT))
    return Number([...text].map((ch) => CN_DIGIT[ch]).join(""));
  return undefined;
}
