import type { Locale } from '@folkemote/domain';
import { intlLocale } from '../i18n/messages.ts';

/** A percentage the way the language writes it ("42 %" in Norwegian, "42%" in English). */
export function formatPercent(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
}
