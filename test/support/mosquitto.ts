import { type MosquittoServer, startMosquittoServer } from '../../scripts/lib/mosquitto-server.ts';
import { tempDir } from './temp-dir.ts';

/** Debian's Mosquitto as the hub would run it (scripts/lib/mosquitto-server.ts), in a temporary directory removed by `stop`. */
export async function startMosquitto(users: Record<string, string>, acl: string): Promise<MosquittoServer> {
  const dir = await tempDir();
  const server = await startMosquittoServer(dir.path, users, acl);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await dir.remove();
    },
  };
}
