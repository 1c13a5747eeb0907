/**
 * Bundles TypeScript source with esbuild into one ES module for Node, for the scenarios that time code
 * the packages do not ship in a dist (reconcile: @houqin/finance's bench files; office-adapter: the
 * add-in's Office.js adapter).
 */
import { basename } from "node:path";
import { build } from "esbuild";

/**
 * Bundles an entry given as source text, whose imports resolve from `resolveDir`, into `outfile`.
 *
 * @param {{ contents: string, resolveDir: string, outfile: string }} entry - the entry's TypeScript source,
 *   the directory its relative imports start from, and the bundle to write (an .mjs file)
 * @returns {Promise<string>} `outfile`
 */
export async function bundleEntry({ contents, resolveDir, outfile }) {
  await build({
    stdin: { contents, resolveDir, sourcefile: `${basename(outfile, ".mjs")}.entry.ts`, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}
