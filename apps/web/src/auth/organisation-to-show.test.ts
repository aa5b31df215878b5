import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { organisationToShow } from './organisation-to-show.ts';

describe('the signed-in banner', () => {
  it('names the organisation once', () => {
    const line = (name: string, org: string) =>
      messages.nb.organiser.bar.signedInAs(name, organisationToShow(name, org));
    expect(line('Test Arrangør', 'Sømna kommune')).toBe('Logget inn som Test Arrangør, Sømna kommune');
    expect(line('Sømna kommune', 'Sømna kommune')).toBe('Logget inn som Sømna kommune');
    expect(line('Kari Nordmann, SØMNA KOMMUNE', 'Sømna kommune')).toBe(
      'Logget inn som Kari Nordmann, SØMNA KOMMUNE',
    );
    expect(messages.nn.organiser.bar.signedInAs('Sømna kommune', null)).toBe('Logga inn som Sømna kommune');
  });
});
