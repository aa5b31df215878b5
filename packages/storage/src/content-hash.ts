import { createHash } from 'node:crypto';

/**
 * The short content hash in the names of files that never change once written (captions,
 * chapters): the same text always gets the same name, a new text a new one, so both can be cached
 * for good.
 */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}
