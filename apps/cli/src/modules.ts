import { assets } from "@houqin/assets";
import { canteen } from "@houqin/canteen";
import { finance } from "@houqin/finance";
import { procurement } from "@houqin/procurement";
import { safety } from "@houqin/safety";
import { sports } from "@houqin/sports";
import type { HouqinModule } from "@houqin/workbook";

/** Every domain the CLI checks with. */
export const MODULES: readonly HouqinModule[] = [safety, assets, procurement, canteen, finance, sports];
