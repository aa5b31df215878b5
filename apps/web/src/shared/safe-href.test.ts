import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it('keeps web addresses and paths on this origin', () => {
    expect(safeHref('https://replay.example.no/r/budsjett/')).toBe('https://replay.example.no/r/budsjett/');
    expect(safeHref('http://localhost:9000/site/index.html')).toBe('http://localhost:9000/site/index.html');
    expect(safeHref('/replay/abc')).toBe('/replay/abc');
  });

  it('refuses scripts, protocol-relative and empty addresses', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example/')).toBeNull();
    expect(safeHref('')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
