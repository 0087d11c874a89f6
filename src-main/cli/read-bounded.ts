/**
 * A file's bytes for the command-line tools, read no further than `limit` + 1 bytes: an
 * endless device (/dev/zero) or pipe then ends in the importer's "too large" refusal
 * instead of filling the memory for ever. A file within the limit comes back whole.
 */
import { open } from 'node:fs/promises';

const CHUNK = 1 << 20;

export async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK), 0, CHUNK, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
