import { describe, expect, it } from 'vitest';
import { uploadMessages } from '../../i18n/upload-messages.ts';
import { formatEta, formatMegabytes, isSameFile } from './format-upload.ts';

describe('upload figures', () => {
  it('writes megabytes and the time left in the organiser’s language', () => {
    expect(formatMegabytes(1_234_567_890, 'en')).toBe('1,234.6');
    expect(formatMegabytes(1_234_567_890, 'nb').replace(/\s/g, ' ')).toBe('1 234,6');
    expect(formatEta(600e6, 5e6, uploadMessages.nb)).toBe('omtrent 2 min');
    expect(formatEta(10e6, 5e6, uploadMessages.en)).toBe('about 2 s');
    expect(formatEta(10e6, null, uploadMessages.nn)).toBeNull();
  });

  it('knows an upload’s file again by name, size and time of change only', () => {
    const upload = { fileName: 'møte.mp4', fileSize: 10, fileModified: 5 };
    expect(isSameFile({ name: 'møte.mp4', size: 10, lastModified: 5 }, upload)).toBe(true);
    expect(isSameFile({ name: 'møte.mp4', size: 11, lastModified: 5 }, upload)).toBe(false);
    expect(isSameFile({ name: 'møte.mp4', size: 10, lastModified: 6 }, upload)).toBe(false);
  });
});
