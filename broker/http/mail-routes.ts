import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { emailSchema } from '../../shared/contract/booking-api.ts';
import { withoutAddresses } from '../booking/outbox-delivery.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailSummary, testMail } from '../mail/test-mail.ts';
import type { Sessions } from '../staff/sessions.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { sessionOf, staffAccess } from './staff-guard.ts';

const testRequestSchema = z.strictObject({ to: emailSchema });

export interface MailDeps {
  mailer: Mailer;
  config: () => OfficeConfig;
  sessions: Sessions;
  log: Logger;
}

/**
 * The mail settings as the administrator sees them (they belong to the server's configuration
 * file, with the relay's password in its own file: deploy/README.md, "Mail"), and a test e-mail
 * through the same relay the citizens' mails take, answered with the relay's reason when it fails.
 */
export function mailRoutes(app: FastifyInstance, { mailer, config, sessions, log }: MailDeps): void {
  const admin = staffAccess(sessions, 'admin');
  app.get('/api/staff/mail', admin, (_req, reply) => reply.send(mailSummary(config().mail, mailer.reachesCitizens)));
  app.post('/api/staff/mail/test', { ...admin, config: { ...admin.config, rateLimit: { max: 10, timeWindow: 10 * 60_000 } } }, async (req, reply) => {
    const body = parseOr400(testRequestSchema, req.body, reply);
    if (!body) return reply;
    try {
      await mailer.send(testMail(config(), body.to, sessionOf(req).account.name));
      return reply.code(204).send();
    } catch (error) {
      const reason = withoutAddresses(String(error));
      log.warn('test e-mail not sent', { reason });
      return sendRefusal(reply, 'mailFailed', reason);
    }
  });
}
