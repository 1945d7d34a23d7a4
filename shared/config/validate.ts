import type { z } from 'zod';
import type { FieldIssue } from '../contract/booking-api.ts';
import { fieldIssues } from '../texts/issue-texts.ts';
import { type OfficeConfig, officeConfigSchema } from './schema.ts';

/** `issues`: the same problems at their fields, in both languages, for the settings page. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[]; issues: FieldIssue[] };

/** Formats every issue as `path: message`, the form STYLE.md asks of configuration errors. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

export function validateOfficeConfig(input: unknown): Validated<OfficeConfig> {
  const result = officeConfigSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: formatIssues(result.error), issues: fieldIssues(result.error.issues) };
}
