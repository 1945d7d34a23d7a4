/** Reads a line without echoing it: the terminal in raw mode, each key handled here. `envName`: where a script gives it instead. */
export async function askHidden(prompt: string, envName: string): Promise<string> {
  const given = process.env[envName];
  if (given !== undefined) return given;
  if (!process.stdin.isTTY) throw new Error(`no terminal to ask on: set ${envName}`);
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  let answer = '';
  try {
    for await (const chunk of process.stdin) {
      for (const key of (chunk as Buffer).toString('utf8')) {
        if (key === '\r' || key === '\n') return answer;
        if (key === '\u0003') process.exit(130); // Ctrl+C
        answer = key === '\u007f' ? answer.slice(0, -1) : answer + key;
      }
    }
    return answer;
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stdout.write('\n');
  }
}
