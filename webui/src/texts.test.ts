import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { staffTexts } from './staff/staff-texts.ts';
import { texts } from './texts.ts';

/** Every string a texts object holds, and what its functions return for a sample argument. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    try {
      return strings((value as (...a: unknown[]) => unknown)(3, '9:30'));
    } catch {
      return [];
    }
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test('no Czech text on the web pages leaves a one-letter preposition at the end of a line', () => {
  const loose = [...strings(texts.cs), ...strings(staffTexts.cs)].filter((text) => /(^|[\s(„])[ksvzouai] /i.test(text));
  assert.equal(loose, []);
  assert.ok(
    strings(texts.cs).some((text) => /\sk\u00a0/.test(text)),
    'the no-break space is there (k přepážce)',
  );
});

test('no page says "0 minut": under a minute is worded as such', () => {
  assert.is(texts.cs.minutes(0), 'do minuty');
  assert.is(texts.en.minutes(0), 'under a minute');
  assert.is(texts.cs.unavailable.holiday, 'svátek', '24–26 December are "ostatní svátky", not state holidays');
});

test.run();
