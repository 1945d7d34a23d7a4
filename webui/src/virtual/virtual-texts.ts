import type { Language } from '../../../shared/config/localized.ts';
import type { CounterButton } from '../../../shared/contract/counter.ts';
import type { SimInput } from '../../../shared/contract/simulation.ts';

type Paper = Extract<SimInput, { kind: 'paper' }>['paper'];

/** The virtual office's own words, Czech first; what the devices show comes from the devices. */
const cs = {
  switchTo: 'English',
  title: 'Virtuální úřad',
  intro: 'Všechna simulovaná zařízení úřadu na jedné stránce. Tlačítka se mačkají přes broker, stejně jako na skutečném hardwaru; lístky jsou vykreslené z bajtů ESC/POS, které tiskárna dostala.',
  noKey: 'Chybí klíč virtuálního úřadu. Otevřete adresu, kterou vypsal příkaz bash scripts/office.sh.',
  offline: 'Spojení s brokerem přerušeno – připojuji se znovu…',
  kiosks: 'Tiskárny lístků',
  counters: 'Přepážky',
  hall: 'Obrazovka v hale',
  whichScreen: 'Obrazovka',
  serviceButtons: 'Tlačítka služeb',
  lit: 'svítí',
  dark: 'nesvítí',
  lcd: 'Displej',
  keypad: 'Klávesnice pro objednané online',
  keys: { enter: 'Potvrdit', clear: 'Smazat vše', back: 'Smazat znak' } as Record<string, string>,
  paper: 'Papír v tiskárně',
  papers: { ok: 'v pořádku', paperLow: 'dochází', paperOut: 'došel' } satisfies Record<Paper, string>,
  printed: 'Vytištěné lístky',
  nothingPrinted: 'Zatím nic nevytiskla.',
  ticketNo: (n: number) => `Lístek č. ${n} z této tiskárny`,
  counter: (n: number) => `Přepážka ${n}`,
  digits: 'Číslice LED',
  actions: { next: 'Další', recall: 'Vyvolat znovu', noShow: 'Nedostavil se', done: 'Hotovo', pauseToggle: 'Pauza' } satisfies Record<CounterButton, string>,
  announced: 'Hlášení v pořadí (šedě ve frontě, tučně právě zní)',
};

const en: typeof cs = {
  switchTo: 'Česky',
  title: 'Virtual office',
  intro: "Every simulated device of the office on one page. Buttons are pressed through the broker, just as on real hardware; tickets are drawn from the ESC/POS bytes the printer received.",
  noKey: 'The virtual office key is missing. Open the address printed by bash scripts/office.sh.',
  offline: 'Connection to the broker lost – reconnecting…',
  kiosks: 'Ticket kiosks',
  counters: 'Counters',
  hall: 'Hall screen',
  whichScreen: 'Screen',
  serviceButtons: 'Service buttons',
  lit: 'lit',
  dark: 'dark',
  lcd: 'Display',
  keypad: 'Keypad for online bookings',
  keys: { enter: 'Enter', clear: 'Clear all', back: 'Delete a digit' },
  paper: 'Paper in the printer',
  papers: { ok: 'fine', paperLow: 'running low', paperOut: 'out' },
  printed: 'Printed tickets',
  nothingPrinted: 'Nothing printed yet.',
  ticketNo: (n: number) => `Ticket no. ${n} from this kiosk`,
  counter: (n: number) => `Counter ${n}`,
  digits: 'LED digits',
  actions: { next: 'Next', recall: 'Recall', noShow: 'No-show', done: 'Done', pauseToggle: 'Pause' },
  announced: 'Announcements in order (grey: queued, bold: playing now)',
};

export const virtualTexts: Record<Language, typeof cs> = { cs, en };
export type VirtualTexts = typeof cs;
