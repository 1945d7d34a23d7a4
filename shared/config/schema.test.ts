import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kostelecOffice } from './kostelec.ts';
import { officeConfigSchema } from './schema.ts';
import { validateOfficeConfig } from './validate.ts';

test('the Kostelec example office is a valid configuration', () => {
  const result = validateOfficeConfig(kostelecOffice);
  assert.ok(result.ok, result.ok ? '' : result.error.errors.join('\n'));
  if (result.ok)
    assert.equal(
      result.data.kiosks.map((k) => k.id),
      ['kiosk-hala', 'kiosk-chodba'],
    );
});

test('every field error is reported at once, each as path: message', () => {
  const broken = structuredClone(kostelecOffice) as Record<string, any>;
  broken.services[0].letter = 'pp';
  broken.workplaces[1].walkInCapacityPerDay = -5;
  broken.office.openingHours.mon = [{ from: '17:00', to: '08:00' }];
  const result = validateOfficeConfig(broken);
  assert.not.ok(result.ok);
  if (result.ok) return;
  assert.ok(
    result.error.errors.some((e) => e.startsWith('services.0.letter: ')),
    result.error.errors.join('\n'),
  );
  assert.ok(result.error.errors.some((e) => e.startsWith('workplaces.1.walkInCapacityPerDay: ')));
  assert.ok(result.error.errors.some((e) => e.startsWith('office.openingHours.mon.0: ')));
});

test('every broken cross-reference is reported at once', () => {
  const broken = structuredClone(kostelecOffice) as Record<string, any>;
  broken.services[1].letter = 'P';
  broken.counters[1].serviceIds = ['nonexistent'];
  broken.kiosks[0].buttons[0].serviceId = 'missing';
  broken.kiosks[1].id = 'prepazka-1';
  const result = validateOfficeConfig(broken);
  assert.not.ok(result.ok);
  if (result.ok) return;
  const text = result.error.errors.join('\n');
  assert.match(text, 'duplicate ticket letter "P"');
  assert.match(text, 'counters.1.serviceIds.0: unknown service "nonexistent"');
  assert.match(text, 'kiosks.0.buttons.0.serviceId: unknown service "missing"');
  assert.match(text, 'duplicate device id "prepazka-1"');
});

test('unknown keys are refused rather than silently ignored', () => {
  const result = validateOfficeConfig({ ...kostelecOffice, colour: 'blue' });
  assert.not.ok(result.ok);
});

test("two configurations parsed from the same input share no default object: a change to one office is never the other's", () => {
  const first = officeConfigSchema.parse(structuredClone(kostelecOffice));
  const second = officeConfigSchema.parse(structuredClone(kostelecOffice));
  first.sms.limits.perNumberPerDay = 1;
  first.booking.reminder.at = '09:00';
  first.rules.nearTurnAhead = 9;
  const third = officeConfigSchema.parse(structuredClone(kostelecOffice));
  for (const other of [second, third]) {
    assert.is(other.sms.limits.perNumberPerDay, 4);
    assert.is(other.booking.reminder.at, '14:00');
    assert.is(other.rules.nearTurnAhead, 3);
  }
});

test.run();
