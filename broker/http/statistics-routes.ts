import type { FastifyInstance, FastifyReply } from 'fastify';
import { type StatisticsQuery, statisticsQuerySchema } from '../../shared/contract/staff-api.ts';
import type { Sessions } from '../staff/sessions.ts';
import type { StatisticsService } from '../statistics/statistics-service.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { staffAccess } from './staff-guard.ts';

/** A range of days longer than this is refused: ten years of aggregates is already more than anyone reads at once. */
const maxRangeDays = 3660;

/** The statistics for clerks and administrators alike (docs/API.md, "Statistics"). */
/** The query of a statistics request, or undefined after a 400 for one that is malformed or spans too many days. */
export function statisticsQueryOr400(query: unknown, reply: FastifyReply): StatisticsQuery | undefined {
  const parsed = parseOr400(statisticsQuerySchema, query, reply);
  if (!parsed) return undefined;
  const days = (Date.parse(parsed.to) - Date.parse(parsed.from)) / 86_400_000;
  if (!(days >= 0 && days <= maxRangeDays)) return void sendRefusal(reply, 'invalidRequest', `"from" must not be after "to", and at most ${maxRangeDays} days apart`);
  return parsed;
}

/** The CSV's headers, its file named for the range. */
export const csvReply = (reply: FastifyReply, filename: string) => reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);

export function statisticsRoutes(app: FastifyInstance, statistics: StatisticsService, sessions: Sessions): void {
  const clerk = staffAccess(sessions);
  const parse = statisticsQueryOr400;

  app.get('/api/staff/statistics', clerk, (req, reply) => {
    const query = parse(req.query, reply);
    if (!query) return reply;
    const started = performance.now();
    const report = statistics.report(query);
    // Server time, for the benchmark (docs/PERFORMANCE.md) and the browser's developer tools.
    return reply.header('server-timing', `report;dur=${(performance.now() - started).toFixed(1)}`).send(report);
  });

  app.get('/api/staff/statistics.csv', clerk, (req, reply) => {
    const query = parse(req.query, reply);
    if (!query) return reply;
    return csvReply(reply, `statistika-${query.from}-${query.to}.csv`).send(statistics.csv(query));
  });
}
