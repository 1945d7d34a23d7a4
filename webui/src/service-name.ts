import type { Language } from '../../shared/config/localized.ts';
import type { OfficeInfo } from '../../shared/contract/booking-api.ts';

/** A service's name in the page's language; its id when the office no longer has it (an old booking). */
export function serviceName(info: OfficeInfo, id: string, language: Language): string {
  return info.services.find((s) => s.id === id)?.name[language] ?? id;
}
