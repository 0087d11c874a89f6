/** `npm run suggest -- FILE`: the suggested leads of an article, one JSON object per line. */
import { MAX_FILE_BYTES } from '../notebook/import/decode';
import { readBounded } from './read-bounded';
import { runSuggestCli } from './suggest-cli';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const code = await runSuggestCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readBounded(path, MAX_FILE_BYTES),
});
process.exitCode = code;
