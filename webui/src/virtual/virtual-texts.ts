import type { Language } from '../../../shared/config/localized.ts';
import type { CounterButton } from '../../../shared/contract/counter.ts';
import type { SimInput } from '../../../shared/contract/simulation.ts';
import { tied } from '../texts.ts';

type Paper = Extract<SimInput, { kind: 'paper' }>['paper'];

/** The virtual office's own words, Czech first; what the devices show comes from the devices. */
const cs = {
  switchTo: 'English',
  title: 'Virtuální úřad',
  intro:
    'Všechna zařízení úřadu na jedné stránce: tiskárny lístků, tlačítka u přepážek a obrazovka v hale. Jsou simulovaná, ale chovají se jako skutečná: stisk tady jde stejnou cestou jako stisk skutečného tlačítka a lístek je nakreslený z toho, co dostala tiskárna.',
  firstSteps: 'Začněte takto',
  stepTicket: (kiosk: string, service: string) => `U tiskárny „${kiosk}“ stiskněte ${service}: vytiskne se lístek.`,
  stepCall: (counter: number) => `U přepážky ${counter} stiskněte Další: číslo lístku se ukáže na jejích číslicích a na obrazovce v hale, která ho i ohlásí.`,
  stepMore: 'Hotovo obsluhu ukončí. Zkuste také vzít tiskárně papír nebo zadat kód rezervace na klávesnici.',
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
  earlier: (n: number) => `Dříve vytištěné (${n})`,
  ticketNo: (n: number) => `Lístek č. ${n} z této tiskárny`,
  counter: (n: number) => `Přepážka ${n}`,
  digits: 'Číslice LED',
  serves: 'Obsluhuje',
  stands: 'Místo',
  actions: { next: 'Další', recall: 'Vyvolat znovu', noShow: 'Nedostavil se', done: 'Hotovo', pauseToggle: 'Pauza' } satisfies Record<CounterButton, string>,
  announced: 'Hlášení v pořadí (šedě ve frontě, tučně právě zní)',
};

const en: typeof cs = {
  switchTo: 'Česky',
  title: 'Virtual office',
  intro:
    'Every device of the office on one page: the ticket kiosks, the counter button boxes and the hall screen. They are simulated but behave like the real ones: a press here travels the same way as a press of a real button, and each ticket is drawn from what the printer received.',
  firstSteps: 'Start like this',
  stepTicket: (kiosk: string, service: string) => `At the kiosk "${kiosk}", press ${service}: a ticket is printed.`,
  stepCall: (counter: number) => `At counter ${counter}, press Next: the ticket number shows on its digits and on the hall screen, which also announces it.`,
  stepMore: 'Done ends the visit. Try taking the paper out of a kiosk, too, or typing a booking code on its keypad.',
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
  earlier: (n: number) => `Printed earlier (${n})`,
  ticketNo: (n: number) => `Ticket no. ${n} from this kiosk`,
  counter: (n: number) => `Counter ${n}`,
  digits: 'LED digits',
  serves: 'Serves',
  stands: 'Where',
  actions: { next: 'Next', recall: 'Recall', noShow: 'No-show', done: 'Done', pauseToggle: 'Pause' },
  announced: 'Announcements in order (grey: queued, bold: playing now)',
};

export const virtualTexts: Record<Language, typeof cs> = { cs: tied(cs), en };
export type VirtualTexts = typeof cs;
