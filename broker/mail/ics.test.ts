import * as fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type CalendarEvent, calendarText } from './ics.ts';

const properties = [
  'BEGIN',
  'VERSION',
  'PRODID',
  'CALSCALE',
  'METHOD',
  'BEGIN',
  'UID',
  'SEQUENCE',
  'DTSTAMP',
  'DTSTART',
  'DTEND',
  'SUMMARY',
  'LOCATION',
  'DESCRIPTION',
  'STATUS',
  'ORGANIZER',
  'ATTENDEE',
  'END',
  'END',
];
const event = (texts: { summary: string; location: string; description: string; name: string }): CalendarEvent => ({
  uid: 'b1@fronta',
  sequence: 0,
  method: 'REQUEST',
  start: 0,
  end: 900_000,
  stamp: 0,
  summary: texts.summary,
  location: texts.location,
  description: texts.description,
  organizer: { name: 'Městský úřad', email: 'podatelna@kostelec.example' },
  attendee: { name: texts.name, email: 'jana@example.cz' },
});
/** RFC 5545 §3.1: a CRLF followed by one space or tab continues the line. */
const unfolded = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
const unescaped = (value: string) => value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

test('a name with CR/LF cannot add DESCRIPTION or URL lines to the invitation', () => {
  const text = calendarText(event({ summary: 'Pasy', location: 'Kostelec', description: 'Kód 12345678', name: 'Jana\r\nDESCRIPTION:Zaplaťte na účet 123\r\nURL:https://evil.example' }));
  const names = unfolded(text).map((line) => /^[A-Z-]+/.exec(line)![0]);
  assert.equal(names, properties);
});

test('any text in any field keeps the calendar its fixed lines, each at most 75 octets, and reads back as written', () => {
  const anyText = fc.string({ unit: 'grapheme', maxLength: 300 });
  fc.assert(
    fc.property(anyText, anyText, anyText, anyText, (summary, location, description, name) => {
      const text = calendarText(event({ summary, location, description, name }));
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
      const lines = unfolded(text);
      assert.equal(
        lines.map((line) => /^[A-Z-]+/.exec(line)?.[0]),
        properties,
      );
      const value = (property: string) => lines.find((line) => line.startsWith(`${property}:`))!.slice(property.length + 1);
      const plain = (t: string) => t.replace(/\r\n|\r|\n/g, '\n').replace(/[\p{Cc}\u2028\u2029]/gu, (c) => (c === '\n' ? c : ''));
      assert.is(unescaped(value('DESCRIPTION')), plain(description));
      assert.is(unescaped(value('SUMMARY')), plain(summary));
    }),
    { numRuns: 300 },
  );
});

test.run();
