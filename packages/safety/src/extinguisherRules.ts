/** The kinds of fire extinguisher GB 50444-2008 sets numbers for. */
export type ExtinguisherType = "water" | "powder" | "clean-agent" | "co2";

/** Servicing and scrapping in years from manufacture (GB 50444-2008; configurable in the settings). */
export interface ExtinguisherRule {
  /** First servicing, years after manufacture. */
  firstService: number;
  /** Then every so many years. */
  serviceEvery: number;
  /** Scrapped at this age. */
  scrapAt: number;
}

/** GB 50444-2008's numbers, still common practice after GB 55036-2022 replaced its mandatory clauses. */
export const EXTINGUISHER_RULES: Readonly<Record<ExtinguisherType, ExtinguisherRule>> = {
  water: { firstService: 3, serviceEvery: 1, scrapAt: 6 },
  powder: { firstService: 5, serviceEvery: 2, scrapAt: 10 },
  "clean-agent": { firstService: 5, serviceEvery: 2, scrapAt: 10 },
  co2: { firstService: 5, serviceEvery: 2, scrapAt: 12 },
};

/** The type names people write, e.g. "MFZ/ABC4 干粉" -> powder, "水基型" -> water. */
export function extinguisherType(text: string): ExtinguisherType | undefined {
  const s = text.toLowerCase();
  if (/二氧化碳|co2|co₂|mt\d|mt\//.test(s)) return "co2";
  if (/洁净|七氟丙烷|六氟丙烷|卤代烷|哈龙|clean|halon|fm200/.test(s)) return "clean-agent";
  if (/水基|水型|泡沫|清水|water|foam|mp\d|msw/.test(s)) return "water";
  if (/干粉|abc|bc|powder|mfz|mf\d/.test(s)) return "powder";
  return undefined;
}

/** The settings' Chinese name of a type, used in setting keys such as 灭火器报废年限:干粉. */
export const TYPE_NAMES: Readonly<Record<ExtinguisherType, { "zh-CN": string; en: string }>> = {
  water: { "zh-CN": "水基", en: "water-based" },
  powder: { "zh-CN": "干粉", en: "dry powder" },
  "clean-agent": { "zh-CN": "洁净气体", en: "clean agent" },
  co2: { "zh-CN": "二氧化碳", en: "CO2" },
};
