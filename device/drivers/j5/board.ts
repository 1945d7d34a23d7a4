/**
 * johnny-five boards, shared by the components wired to them: a counter box's buttons and LED
 * digits sit on one microcontroller running StandardFirmata over USB serial (raspi-io is legacy and
 * pigpio does not run on a Pi 5: docs/HARDWARE.md). johnny-five and serialport load only here.
 */
export interface J5Board {
  on(event: string, listener: (...args: unknown[]) => void): void;
  io: unknown;
}
export interface Five {
  Board: new (options: Record<string, unknown>) => J5Board;
  LCD: new (options: Record<string, unknown>) => J5Lcd;
  Led: { new (options: Record<string, unknown>): J5Led; Digits: new (options: Record<string, unknown>) => J5LedControl };
  Button: new (options: Record<string, unknown>) => J5Button;
}
export interface J5Lcd {
  cursor(row: number, col: number): J5Lcd;
  createChar(slot: number, rows: number[]): number;
  write(code: number): J5Lcd;
  clear(): J5Lcd;
}
export interface J5Led {
  on(): void;
  off(): void;
}
export interface J5LedControl {
  on(): void;
  send(device: number, register: number, value: number): void;
}
export interface J5Button {
  on(event: 'press', listener: () => void): void;
  removeAllListeners(): void;
}

export interface BoardSettings {
  port: string;
  baudRate?: number;
}

export const loadFive = async (): Promise<Five> => ((await import('johnny-five')) as unknown as { default: Five }).default;

const readyTimeoutMs = 10_000;
const boards = new Map<string, Promise<J5Board>>();

/** The board on `settings.port`, opened once per process; `io` replaces Firmata (tests, other IO plugins). */
export function boardFor(settings: BoardSettings, five: Five, io?: unknown): Promise<J5Board> {
  const key = io ? `io:${settings.port}` : settings.port;
  let board = boards.get(key);
  if (!board) {
    board = open(settings, five, io);
    boards.set(key, board);
    board.catch(() => boards.delete(key));
  }
  return board;
}

/** What each component starts with: johnny-five itself and its ready board. */
export async function fiveAndBoard(settings: BoardSettings, load: () => Promise<Five>, io?: unknown): Promise<{ five: Five; board: J5Board }> {
  const five = await load();
  return { five, board: await boardFor(settings, five, io) };
}

/** Forgets the boards (after their components stopped), so a restarted role opens them afresh. */
export function forgetBoards(): void {
  boards.clear();
}

async function open(settings: BoardSettings, five: Five, io?: unknown): Promise<J5Board> {
  const options: Record<string, unknown> = { repl: false, debug: false, timeout: readyTimeoutMs };
  if (io) options.io = io;
  else {
    // An already-open serialport 13 port instead of johnny-five's own old optional serialport 8.
    const { SerialPort } = await import('serialport');
    options.port = new SerialPort({ path: settings.port, baudRate: settings.baudRate ?? 57600 });
  }
  const board = new five.Board(options);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`johnny-five board on ${settings.port} not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    board.on('ready', () => {
      clearTimeout(timer);
      resolve(board);
    });
    board.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
