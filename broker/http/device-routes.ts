import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceIdSchema } from '../../shared/contract/common.ts';
import { enrolRequestSchema } from '../../shared/contract/enrolment.ts';
import type { DeviceEnrolment } from '../devices/device-enrolment.ts';
import { fromRoot } from '../root-path.ts';
import type { Sessions } from '../staff/sessions.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { staffAccess } from './staff-guard.ts';

const deviceParams = z.strictObject({ deviceId: deviceIdSchema });

/**
 * The office's devices on the staff page Zařízení (an administrator offers a device its enrolment
 * code, or revokes its secret), and the one call a device makes with that code (docs/DEVICES.md).
 */
export function deviceRoutes(app: FastifyInstance, { devices, sessions }: { devices: DeviceEnrolment; sessions: Sessions }): void {
  const admin = staffAccess(sessions, 'admin');
  app.get('/api/staff/devices', admin, (_req, reply) => reply.send({ devices: devices.rows() }));

  app.post('/api/staff/devices/:deviceId/enrolment', admin, (req, reply) => {
    const params = parseOr400(deviceParams, req.params, reply);
    if (!params) return reply;
    const offered = devices.offer(params.deviceId);
    return offered.ok ? reply.send(offered.data) : sendRefusal(reply, offered.error.code, offered.error.detail);
  });

  app.delete('/api/staff/devices/:deviceId/secret', admin, async (req, reply) => {
    const params = parseOr400(deviceParams, req.params, reply);
    if (!params) return reply;
    const revoked = await devices.revoke(params.deviceId);
    return revoked.ok ? reply.send(revoked.data) : sendRefusal(reply, revoked.error.code, revoked.error.detail);
  });

  // 40 bits of code, and ten tries per address in ten minutes: guessing one takes longer than any code lives.
  app.post('/api/enrol', { config: { rateLimit: { max: 10, timeWindow: 10 * 60_000 } } }, async (req, reply) => {
    const body = parseOr400(enrolRequestSchema, req.body, reply);
    if (!body) return reply;
    const enrolled = await devices.redeem(body.code, new URL(`http://${req.host}`).hostname);
    return enrolled.ok ? reply.send(enrolled.data) : sendRefusal(reply, enrolled.error.code, enrolled.error.detail);
  });
}

/** Where a device Pi fetches what it installs (docs/DEVICES.md): the installer, the runtime's archive and the package cache. */
export const deviceFilesPath = '/device/files/';

/**
 * apt asks for `libnode115_20.19.2%2bdfsg…deb`; the router keeps a reserved character's escape in
 * the path, so the static files would answer 404 for every Debian version with a `+`. Only the
 * package cache's paths are unescaped, before routing.
 */
export function devicePackageUrl(req: { url?: string }): string {
  const url = req.url ?? '/';
  return url.startsWith(deviceFilesPath) ? url.replace(/%2b/gi, '+') : url;
}
const installer = fromRoot('deploy/device-install.sh');
const units = fromRoot('deploy/units.sh');

/**
 * What a device Pi without internet installs from this server: `/device/install.sh` (with this
 * server's address as the device called it), and under `/device/files/` the runtime's archive
 * (scripts/device-package.ts) and the Debian packages it needs (deploy/device-debs.sh), from `dir`.
 */
export async function deviceFileRoutes(app: FastifyInstance, dir: string): Promise<void> {
  app.get('/device/install.sh', async (req, reply) => {
    // One file, as `curl … | bash` runs it: the helpers it shares with provision-pi.sh written in.
    const shared = (await readFile(units, 'utf8')).replace(/^# shellcheck shell=bash\n/m, '');
    const script = (await readFile(installer, 'utf8')).replaceAll('__FRONTA_SERVER__', `${req.protocol}://${req.host}`).replace(/^# @units\.sh.*$/m, shared);
    return reply.type('text/x-shellscript; charset=utf-8').header('cache-control', 'no-store').send(script);
  });
  await app.register(fastifyStatic, { root: dir, prefix: deviceFilesPath, decorateReply: false, index: false, maxAge: 0 });
}
