import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Announcer } from './announcer.ts';

/** A chime and a voice that take their time, recording what was said and whether two overlapped. */
function slowVoice() {
  const said: string[] = [];
  let speaking = 0;
  let overlapped = false;
  const busy = async (ms: number) => {
    speaking += 1;
    overlapped ||= speaking > 1;
    await new Promise((r) => setTimeout(r, ms));
    speaking -= 1;
  };
  return {
    said,
    overlapped: () => overlapped,
    chime: () => busy(3),
    speak: async (text: string) => {
      await busy(5);
      said.push(text);
    },
  };
}

const call = (seq: number, number: string, counterNumber = 2) => ({ seq, number, counterNumber });
const idle = (a: Announcer) =>
  new Promise<void>((resolve) => {
    const check = () => (a.log.every((x) => x.state === 'done') ? resolve() : setTimeout(check, 5));
    check();
  });

test('calls offered faster than they are spoken are all announced, once each, in sequence order, never overlapping', async () => {
  const voice = slowVoice();
  const announcer = new Announcer(voice.chime, voice.speak, () => {});
  announcer.offer([call(1, 'B001')]);
  announcer.offer([call(3, 'B003', 3), call(2, 'B002'), call(1, 'B001')]);
  // A repeated delivery of the same board, and a recall (a new sequence number, the same ticket).
  announcer.offer([call(3, 'B003', 3), call(2, 'B002')]);
  announcer.offer([call(4, 'B001'), call(3, 'B003', 3)]);
  await idle(announcer);
  assert.equal(voice.said, ['Číslo bé jedna, přepážka číslo dva.', 'Číslo bé dva, přepážka číslo dva.', 'Číslo bé tři, přepážka číslo tři.', 'Číslo bé jedna, přepážka číslo dva.']);
  assert.is(voice.overlapped(), false);
});

test('the board found at start is not announced; a new day starting again at 1 is', async () => {
  const voice = slowVoice();
  const announcer = new Announcer(voice.chime, voice.speak, () => {});
  announcer.startAfter(57);
  announcer.offer([call(57, 'P040'), call(56, 'P039')]);
  await idle(announcer);
  assert.equal(voice.said, []);
  announcer.offer([call(1, 'P001', 1)]);
  await idle(announcer);
  assert.equal(voice.said, ['Číslo pé jedna, přepážka číslo jedna.']);
});

test.run();
