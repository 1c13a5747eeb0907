import { finance } from "@houqin/finance";
import { safety } from "@houqin/safety";
import type { HouqinModule } from "@houqin/workbook";

/** Every domain the CLI checks with. */
export const MODULES: readonly HouqinModule[] = [safety, finance];
