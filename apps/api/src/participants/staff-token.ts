const PREFIX = 'fmp_';

export function isStaffToken(token: string): boolean {
  return token.startsWith(PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(PREFIX.length));
}

/** Where a link holder enters the room; the token rides in the fragment, which no server or log sees. */
export function roomLinkUrl(publicAppUrl: string, eventSlug: string, token: string): string {
  return `${publicAppUrl}/arrangement/${encodeURIComponent(eventSlug)}/direkte#${token}`;
}
