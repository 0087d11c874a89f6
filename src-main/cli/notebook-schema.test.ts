/**
 * The published JSON Schema of the notebook file: the committed docs/notebook.schema.json
 * is exactly what `npm run schema` generates from the model now, and a real notebook
 * file passes it (checked with Ajv's 2020-12 validator).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../shared/model';
import { serializeNotebook } from '../notebook/notebook-adapter';
import { buildSampleNotebook } from '../notebook/testdata/sample-notebook';
import { notebookJsonSchema, notebookJsonSchemaText, SCHEMA_FILE } from './notebook-schema';

describe('the notebook JSON Schema', () => {
  it('is committed as generated: run `npm run schema` after changing the model', () => {
    expect(readFileSync(join(import.meta.dirname, '../..', SCHEMA_FILE), 'utf8')).toBe(notebookJsonSchemaText());
  });

  it('names its schema version, and accepts a notebook file as Leadline writes it, but not another version', () => {
    const schema = notebookJsonSchema();
    expect(schema.$id).toBe(`urn:leadline:notebook:schema-version:${SCHEMA_VERSION}`);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const file = JSON.parse(serializeNotebook(buildSampleNotebook(), 7)) as Record<string, unknown>;
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...file, schemaVersion: SCHEMA_VERSION - 1 })).toBe(false);
    expect(validate({ ...file, notes: [{ id: 'bad id' }] })).toBe(false);
  });
});
