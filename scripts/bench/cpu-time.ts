import { readdir, readFile } from 'node:fs/promises';

const ticksPerSecond = 100;

interface Stat {
  ppid: number;
  /** utime + stime, with the children already reaped (cutime + cstime), in seconds. */
  cpu: number;
}

async function stats(): Promise<Map<number, Stat>> {
  const found = new Map<number, Stat>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // After the command's name in parentheses (which may hold spaces): state, ppid, … utime is the 14th field.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 15) continue;
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
    found.set(Number(entry), { ppid: Number(fields[1]), cpu: (utime + stime + cutime + cstime) / ticksPerSecond });
  }
  return found;
}

/**
 * The CPU seconds these processes and their descendants have used so far (Linux, /proc): a
 * database's postmaster with its backends, a server. Sampled before and after a run, the
 * difference is what the run cost them; a backend that ended in between is counted in its
 * postmaster's reaped children. (The kernel's clock tick is 100 Hz on Debian's kernels.)
 */
export async function cpuSeconds(roots: readonly number[]): Promise<number> {
  const all = await stats();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) {
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const stack = [...roots];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    total += all.get(pid)?.cpu ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
