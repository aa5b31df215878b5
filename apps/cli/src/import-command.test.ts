import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImportCommand } from './import-command.ts';

describe('pnpm cli import', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the organisation the recording belongs to before it reads anything', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    expect(await runImportCommand(['opptak.mp4', '--title', 'Robust oppvekst?'])).toBe(2);
    expect(written.join('')).toContain('give the organisation the recording belongs to (--org <slug>)');
    expect(written.join('')).toContain('usage: pnpm cli import <file> --org <slug>');
  });
});
