/**
 * Test helper: the MUST assertions of the W3C Web Annotation test suite (vendored in
 * web-annotation-tests/, see its README), compiled with Ajv. `mustFailures` lists the
 * assertions an object breaks, each with the suite's own error message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SUITE = join(import.meta.dirname, 'web-annotation-tests');

export type MustList = 'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test';

interface Assertion {
  file: string;
  message: string;
  validate: ValidateFunction;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

let ajv: Ajv | undefined;

function compiler(): Ajv {
  if (ajv) return ajv;
  // The suite's schemas carry keywords of its own (assertionType, errorMessage…): not strict.
  ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv, ['date-time', 'uri']);
  for (const file of readdirSync(join(SUITE, 'definitions'))) ajv.addSchema(readJson(join(SUITE, 'definitions', file)));
  return ajv;
}

const compiled = new Map<MustList, Assertion[]>();

/** The assertions a `.test` file lists, compiled once. */
export function assertions(list: MustList): Assertion[] {
  const known = compiled.get(list);
  if (known) return known;
  const names = readJson(join(SUITE, list)).assertions as string[];
  const made = names.map((file) => {
    const schema = readJson(join(SUITE, file));
    const id = schema.id as string;
    const validate = compiler().getSchema(id) ?? compiler().compile(schema);
    return { file, message: String(schema.errorMessage), validate };
  });
  compiled.set(list, made);
  return made;
}

/** The assertions of `list` that `value` fails (expectedResult is "valid" for all of them). */
export function mustFailures(list: MustList, value: unknown): string[] {
  return assertions(list)
    .filter((a) => !a.validate(value))
    .map((a) => `${a.file}: ${a.message}`);
}
