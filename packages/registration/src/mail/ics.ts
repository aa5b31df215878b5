import { OSLO_TZ } from '@folkemote/domain';
import { formatOsloLocal } from '@folkemote/domain/dates';

export interface CalendarInvitation {
  /** REQUEST and CANCEL go to a registrant; PUBLISH is the event's own entry, downloaded from its page. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** Stable per event, so every update replaces the same calendar entry. */
  uid: string;
  /** The event's revision: calendars apply an update only when it is higher than what they hold. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  stampedAt: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  organiser: { name: string; email: string };
  /** The registrant, for an invitation; none in a published entry. */
  attendee?: { name: string; email: string };
  language: string;
}

/** Europe/Oslo with the EU summer-time rule, so calendars place the times correctly without lookup. */
const osloTimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${OSLO_TZ}`,
  `X-LIC-LOCATION:${OSLO_TZ}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values (CN=…) are quoted when they hold separators; quotes themselves cannot appear. */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The wall-clock time in Oslo as a DATE-TIME without zone (paired with TZID=Europe/Oslo). */
export function osloLocalDateTime(date: Date): string {
  return formatOsloLocal(date, true).replace(/[-:]/g, '');
}

function utcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A calendar invitation (or its cancellation) for one registrant, or an event's published entry; CRLF-terminated. */
export function buildCalendarInvitation(inv: CalendarInvitation): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Folkemote//Folkemote//NO',
    'CALSCALE:GREGORIAN',
    `METHOD:${inv.method}`,
    ...osloTimezone,
    'BEGIN:VEVENT',
    `UID:${inv.uid}`,
    `SEQUENCE:${inv.sequence}`,
    `DTSTAMP:${utcDateTime(inv.stampedAt)}`,
    `DTSTART;TZID=${OSLO_TZ}:${osloLocalDateTime(inv.startsAt)}`,
    `DTEND;TZID=${OSLO_TZ}:${osloLocalDateTime(inv.endsAt)}`,
    `SUMMARY;LANGUAGE=${inv.language}:${escapeText(inv.summary)}`,
    `DESCRIPTION;LANGUAGE=${inv.language}:${escapeText(inv.description)}`,
    `LOCATION:${escapeText(inv.location)}`,
    `URL:${inv.url}`,
    `ORGANIZER;CN=${paramValue(inv.organiser.name)}:mailto:${inv.organiser.email}`,
    ...(inv.attendee
      ? [
          `ATTENDEE;CN=${paramValue(inv.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${inv.attendee.email}`,
        ]
      : []),
    `STATUS:${inv.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
