import type { Language } from '../../shared/config/localized.ts';
import type { OfficeInfo } from '../../shared/contract/booking-api.ts';
import type { Texts } from './texts.ts';

/** What every page of the booking site is given: its words, its language, and the office. */
export interface PageProps {
  t: Texts;
  language: Language;
  info: OfficeInfo;
}
