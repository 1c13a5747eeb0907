import { assets } from "@houqin/assets";
import { canteen } from "@houqin/canteen";
import type { Bilingual } from "@houqin/core";
import { finance } from "@houqin/finance";
import { procurement } from "@houqin/procurement";
import { safety } from "@houqin/safety";
import { sports } from "@houqin/sports";
import type { HouqinModule, TableKind } from "@houqin/workbook";

/** The id of a domain the task pane can check on its own. */
export type DomainId = "safety" | "assets" | "procurement" | "canteen" | "finance" | "sports";

/** A domain of the work plan: its title and the module with its table kinds and checks. */
export interface Domain {
  id: DomainId;
  title: Bilingual;
  module: HouqinModule;
}

const domain = (module: HouqinModule, id: DomainId): Domain => ({ id, title: module.title, module });

/**
 * Every domain the task pane checks, in the work plan's order (the same modules as the CLI).
 *
 * @example DOMAINS.map((d) => d.id) // ["safety", "assets", "procurement", "canteen", "finance", "sports"]
 */
export const DOMAINS: readonly Domain[] = [
  domain(safety, "safety"),
  domain(assets, "assets"),
  domain(procurement, "procurement"),
  domain(canteen, "canteen"),
  domain(finance, "finance"),
  domain(sports, "sports"),
];

/** Every table kind of every domain, with the domain it belongs to. */
export function allKinds(): { kind: TableKind; domain: DomainId }[] {
  return DOMAINS.flatMap((d) => d.module.kinds.map((kind) => ({ kind, domain: d.id })));
}
