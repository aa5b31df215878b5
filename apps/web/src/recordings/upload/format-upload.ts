import type { Locale } from '@folkemote/domain';
import { intlLocale } from '../../i18n/messages.ts';
import type { UploadMessages } from '../../i18n/upload-messages.ts';

/** Megabytes (10^6 bytes, as disks and browsers count them) with one decimal, the language's way. */
export function formatMegabytes(bytes: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(bytes / 1e6);
}

/** The time left at the current speed, in words; null while there is no speed to go by. */
export function formatEta(
  remainingBytes: number,
  bytesPerSecond: number | null,
  m: Pick<UploadMessages, 'etaMinutes' | 'etaSeconds'>,
): string | null {
  if (!bytesPerSecond || bytesPerSecond <= 0) return null;
  const seconds = Math.ceil(remainingBytes / bytesPerSecond);
  return seconds >= 90 ? m.etaMinutes(Math.round(seconds / 60)) : m.etaSeconds(Math.max(1, seconds));
}

/** The file an open upload was started for, told by name, size and time of change. */
export function isSameFile(
  file: Pick<File, 'name' | 'size' | 'lastModified'>,
  upload: { fileName: string; fileSize: number; fileModified: number },
): boolean {
  return (
    file.name === upload.fileName &&
    file.size === upload.fileSize &&
    file.lastModified === upload.fileModified
  );
}
