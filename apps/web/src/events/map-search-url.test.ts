import { describe, expect, it } from 'vitest';
import { mapSearchUrl } from './map-search-url.ts';

describe('mapSearchUrl', () => {
  it('searches OpenStreetMap for the address, encoded', () => {
    expect(mapSearchUrl('Rådhuset, Storgata 1\n8900 Brønnøysund')).toBe(
      'https://www.openstreetmap.org/search?query=R%C3%A5dhuset%2C%20Storgata%201%208900%20Br%C3%B8nn%C3%B8ysund',
    );
  });
});
