import { z } from 'zod';

/** Every text a citizen or clerk reads exists in Czech first, with an English alternative. */
export const localizedText = z.strictObject({
  cs: z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});
export type LocalizedText = z.infer<typeof localizedText>;
export type Language = keyof LocalizedText;
