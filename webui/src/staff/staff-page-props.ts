import type { Language } from '../../../shared/config/localized.ts';
import type { OfficeInfo } from '../../../shared/contract/booking-api.ts';
import type { StaffSession } from '../../../shared/contract/staff-api.ts';
import type { StaffTexts } from './staff-texts.ts';

/** What every staff page is given. */
export interface StaffPageProps {
  t: StaffTexts;
  /** The booking site's words for the API's refusals. */
  errors: Record<string, string>;
  language: Language;
  session: StaffSession;
  info: OfficeInfo;
  setSession(session: StaffSession): void;
}

/** The pages the hub's region pages show too (docs/HUB.md), where no office's information is: `info` null. */
export type PlacePageProps = Omit<StaffPageProps, 'info'> & { info: OfficeInfo | null };
