/**
 * `npm run schema [-- --out FILE]`: writes the notebook's JSON Schema, generated from the
 * zod model, to docs/notebook.schema.json (or FILE).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags } from './flags';
import { notebookJsonSchemaText, SCHEMA_FILE } from './notebook-schema';

const appRoot = join(import.meta.dirname, '../..');
const parsed = parseFlags(process.argv.slice(2), { out: 'string', help: 'boolean' });
if (!parsed.ok || parsed.values.help) {
  (parsed.ok ? console.log : console.error)(`${parsed.ok ? '' : `leadline schema: ${parsed.error}\n\n`}Usage: npm run schema [-- --out FILE]   (default: ${SCHEMA_FILE})`);
  process.exitCode = parsed.ok ? 0 : 2;
} else {
  const out = resolve(appRoot, (parsed.values.out as string | undefined) ?? SCHEMA_FILE);
  writeFileSync(out, notebookJsonSchemaText());
  console.error(`leadline schema: wrote ${out}`);
}
