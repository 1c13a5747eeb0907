// Generates dist/functions.json, the metadata of the HOUQIN custom functions, from the JSDoc of
// src/functions/functions.ts with custom-functions-metadata (which needs TypeScript 5.9, installed
// at the repository root). Fails, with the generator's messages, when it reports an error.
//
//   node scripts/functions-metadata.mjs [outDir = dist] [input = src/functions/functions.ts]
//
// scripts/build-extras.mjs imports writeFunctionsMetadata.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import metadata from "custom-functions-metadata";

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The source the metadata is read from. */
export const FUNCTIONS_SOURCE = join(APP_DIR, "src", "functions", "functions.ts");

/**
 * Writes functions.json into a folder.
 *
 * @param {string} outDir - the folder (created when missing), e.g. "dist"
 * @param {{ input?: string }} [options] - the source file; src/functions/functions.ts by default
 * @returns {Promise<{ path: string, metadata: { functions: object[] }, associate: { functionName: string, id: string }[] }>}
 *   the file written, its content, and which function of the source each id is
 * @throws Error listing the generator's errors, when there are any or no function is found
 */
export async function writeFunctionsMetadata(outDir, options = {}) {
  const input = resolve(options.input ?? FUNCTIONS_SOURCE);
  const result = await metadata.generateCustomFunctionsMetadata(input);
  if (result.errors.length > 0) {
    throw new Error(
      `custom-functions-metadata found ${result.errors.length} error(s) in ${input}:\n  ${result.errors.join("\n  ")}`,
    );
  }
  if (!result.metadataJson) throw new Error(`custom-functions-metadata found no @customfunction in ${input}`);
  await mkdir(outDir, { recursive: true });
  const path = join(resolve(outDir), "functions.json");
  await writeFile(path, `${result.metadataJson}\n`, "utf8");
  return {
    path,
    metadata: JSON.parse(result.metadataJson),
    associate: result.associate.map(({ functionName, id }) => ({ functionName, id })),
  };
}

const invokedAsScript =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  const [outDir = join(APP_DIR, "dist"), input] = process.argv.slice(2);
  try {
    const { path, metadata: written } = await writeFunctionsMetadata(outDir, input ? { input } : {});
    console.log(`functions.json: ${written.functions.length} functions -> ${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
