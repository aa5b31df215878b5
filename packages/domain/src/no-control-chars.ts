/** Control characters other than tab and line breaks have no place in text people type. */
export function noControlChars(value: string): boolean {
  return ![...value].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0x7f;
  });
}
