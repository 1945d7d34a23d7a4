import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  child: ChildProcess;
  /** 0 for a server without MQTT (the hub's booking process). */
  mqttPort: number;
  httpPort: number;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs the office server (broker/main.ts), or another server of ours (`entry`: the hub's booking
 * process), as a child process and waits for its ready line; the tests use it to kill -9 a real
 * server, the office script to run one. `checkout`: another checkout's server (an earlier release,
 * for the upgrade fixture).
 */
export async function startServerProcess(env: Record<string, string>, output: 'inherit' | 'ignore' = 'ignore', checkout = root, entry = 'broker/main.ts'): Promise<ServerProcess> {
  // FRONTA_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server of a benchmark.
  const nodeArgs = process.env.FRONTA_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: checkout,
    env: { ...process.env, ...env },
    // The IPC channel ties the server's life to ours: it shuts down when we are gone (broker/main.ts).
    stdio: ['ignore', 'pipe', output, 'ipc'],
  });
  const ready = await new Promise<{ mqttPort: number; httpPort: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`${entry} did not report ready within 20 s`)), 20_000);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { mqttPort: number; httpPort: number });
      } catch {
        reject(new Error(`unexpected first line from ${entry}: ${line}`));
      }
    });
  });
  return {
    child,
    ...ready,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
