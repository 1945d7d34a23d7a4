export type LogLevel = 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One line per event, `level name: message {fields}`, to stderr unless a sink is given (tests read it). */
export function createLogger(name: string, sink: LogSink = (line) => process.stderr.write(`${line}\n`)): Logger {
  const emit = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) =>
    sink(`${new Date().toISOString()} ${level} ${name}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
