/**
 * One appointment as an iCalendar object (RFC 5545), for the invitation and its cancellation (RFC 5546).
 * Our own few lines rather than ical-generator or ics: one fixed event shape, with every value
 * escaped and every line folded as the RFC says, tested against hostile text (ics.test.ts).
 */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: number;
  end: number;
  stamp: number;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

const utc = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** Control characters other than a line break have no place in a calendar text; they are dropped. */
const controls = /[\p{Cc}\u2028\u2029]/gu;
/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break as `\n`. */
const escapeText = (text: string) =>
  text
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(controls, '');
/** A quoted parameter value (§3.2): no DQUOTE and no control character may appear in it at all. */
const quoted = (text: string) =>
  `"${text
    .replace(/"/g, "'")
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(controls, '')}"`;
/** An address in a mailto: URI: the schema's e-mail already, but never a character that could end the line. */
const mailto = (address: string) => `mailto:${address.replace(controls, '')}`;

/** Content lines longer than 75 octets are folded; a fold never splits a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Times in UTC: unambiguous, and every calendar shows them in its own zone (Prague for the citizen). */
export function calendarText(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fronta//Rezervace//CS',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${quoted(event.organizer.name)}:${mailto(event.organizer.email)}`,
    `ATTENDEE;CN=${quoted(event.attendee.name)};ROLE=REQ-PARTICIPANT:${mailto(event.attendee.email)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
