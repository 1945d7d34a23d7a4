import { readFileSync } from 'node:fs';

/**
 * A secret the environment gives: from the file `{name}_FILE` names (one only its owner reads, a
 * systemd credential), or the value of `{name}` itself; undefined when neither is set.
 */
export function envSecret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8').trim();
  return env[name] || undefined;
}
