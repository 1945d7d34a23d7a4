import type { Language } from '../config/localized.ts';

/** The kiosk's character LCD: every line of every screen must fit it (kiosk-texts.test.ts). */
export const kioskLcd = { rows: 4, columns: 20 } as const;

/** What the kiosk's LCD says in each state: two lines in Czech, then the same two in English. */
export type KioskScreen =
  | 'ready'
  | 'printing'
  | 'printed'
  | 'closed'
  | 'holiday'
  | 'capacityExhausted'
  | 'outOfService'
  | 'paperOut'
  | 'notPrinted'
  | 'enterCode'
  | 'unknownCode'
  | 'codeUsed'
  | 'tooEarly'
  | 'tooLate'
  | 'lateOffer'
  | 'wrongWorkplace'
  | 'tooManyAttempts';

type Lines = [string, string];
export const kioskScreens: Record<KioskScreen, Record<Language, Lines>> = {
  ready: { cs: ['Dobrý den,', 'zvolte službu'], en: ['Welcome,', 'choose a service'] },
  printing: { cs: ['Tisknu lístek…', 'vyčkejte prosím'], en: ['Printing ticket…', 'please wait'] },
  printed: { cs: ['Lístek {number}', 'vyčkejte na výzvu'], en: ['Ticket {number}', 'wait to be called'] },
  closed: { cs: ['Služba je nyní', 'uzavřena'], en: ['This service is', 'closed now'] },
  holiday: { cs: ['Dnes je svátek,', 'úřad je zavřený'], en: ['Public holiday,', 'the office is closed'] },
  capacityExhausted: { cs: ['Dnešní kapacita', 'je vyčerpána'], en: ["Today's capacity", 'is used up'] },
  outOfService: { cs: ['Mimo provoz', 'obraťte se na úřad'], en: ['Out of service', 'please ask the staff'] },
  paperOut: { cs: ['Došel papír', 'přivolejte obsluhu'], en: ['Out of paper', 'please ask the staff'] },
  notPrinted: { cs: ['Chyba systému,', 'lístek nevytištěn'], en: ['System error,', 'no ticket printed'] },
  enterCode: { cs: ['Kód rezervace:', '{code}'], en: ['Booking code:', '{code}'] },
  unknownCode: { cs: ['Neznámý kód,', 'zkontrolujte e-mail'], en: ['Unknown code,', 'check your e-mail'] },
  codeUsed: { cs: ['Kód už byl použit,', 'obraťte se na úřad'], en: ['Code already used,', 'please ask the staff'] },
  tooEarly: { cs: ['Příliš brzy: kód', 'platí od {time}'], en: ['Too early: the code', 'works from {time}'] },
  tooLate: { cs: ['Rezervace propadla,', 'vezměte si lístek'], en: ['Booking has lapsed,', 'please take a ticket'] },
  lateOffer: { cs: ['Rezervace propadla.', 'Nový lístek? Enter'], en: ['Booking has lapsed.', 'New ticket? Enter'] },
  wrongWorkplace: { cs: ['Kód patří k jiné', 'tiskárně lístků'], en: ['Code belongs to', 'the other kiosk'] },
  tooManyAttempts: { cs: ['Příliš mnoho pokusů,', 'zkuste za minutu'], en: ['Too many attempts,', 'try in a minute'] },
};

/** The four LCD lines of a screen: Czech first, English below it. */
export function kioskLines(screen: KioskScreen, values: Record<string, string> = {}): string[] {
  const fill = (line: string) => line.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return [...kioskScreens[screen].cs.map(fill), ...kioskScreens[screen].en.map(fill)];
}
