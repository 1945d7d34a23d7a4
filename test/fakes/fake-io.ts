import { EventEmitter } from 'node:events';

/**
 * A johnny-five IO plugin with no hardware behind it (the IO-plugin spec's required surface):
 * it records every digital and I2C write, and lets a test drive digital inputs.
 */
export class FakeIo extends EventEmitter {
  readonly name = 'FakeIo';
  readonly MODES = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, SERVO: 4, I2C: 6, PULLUP: 11 };
  readonly HIGH = 1;
  readonly LOW = 0;
  readonly pins = Array.from({ length: 30 }, () => ({ supportedModes: [0, 1, 2, 4, 6, 11], mode: 0, value: 0, report: 1, analogChannel: 127 }));
  readonly analogPins: number[] = [];
  isReady = false;
  readonly digitalWrites: [pin: number, value: number][] = [];
  readonly i2cWrites: [address: number, bytes: number[]][] = [];
  private readonly readers = new Map<number, (value: number) => void>();

  constructor() {
    super();
    setImmediate(() => {
      this.isReady = true;
      this.emit('connect');
      this.emit('ready');
    });
  }

  pinMode(pin: number, mode: number): this {
    if (this.pins[pin]) this.pins[pin]!.mode = mode;
    return this;
  }
  digitalWrite(pin: number, value: number): this {
    this.digitalWrites.push([pin, value ? 1 : 0]);
    return this;
  }
  digitalRead(pin: number, handler: (value: number) => void): this {
    this.readers.set(pin, handler);
    return this;
  }
  analogRead(): this {
    return this;
  }
  i2cConfig(): this {
    return this;
  }
  i2cWrite(address: number, ...rest: (number | number[])[]): this {
    this.i2cWrites.push([address, rest.flat()]);
    return this;
  }
  i2cWriteReg(address: number, register: number, value: number): this {
    this.i2cWrites.push([address, [register, value]]);
    return this;
  }
  i2cRead(): this {
    return this;
  }
  i2cReadOnce(): this {
    return this;
  }
  reset(): this {
    return this;
  }

  /** Sets an input pin's level, as a button pulling it to ground (0) or releasing it (1) would. */
  setInput(pin: number, value: number): void {
    this.readers.get(pin)?.(value);
  }
}

/**
 * Replays what an HD44780 behind a PCF8574 received (bit 0 RS, bit 2 EN, bits 4-7 D4-D7): nibbles
 * latch on EN's falling edge; after the four 8-bit-mode reset nibbles they pair up into bytes.
 */
export function replayHd44780(bytes: number[], rows = 4, columns = 20): { ddram: number[][]; cgram: number[][] } {
  const rowStart = [0x00, 0x40, 0x14, 0x54];
  const ddram = Array.from({ length: rows }, () => Array<number>(columns).fill(0x20));
  const cgram = Array.from({ length: 8 }, () => Array<number>(8).fill(0));
  let previous = 0;
  let resetNibbles = 0;
  let high: number | undefined;
  let address = 0;
  let toCgram = false;
  const apply = (rs: number, value: number) => {
    if (rs === 0) {
      if (value === 0x01) {
        for (const row of ddram) row.fill(0x20);
        address = 0;
        toCgram = false;
      } else if (value & 0x80) {
        address = value & 0x7f;
        toCgram = false;
      } else if (value & 0x40) {
        address = value & 0x3f;
        toCgram = true;
      }
      return;
    }
    if (toCgram) cgram[address >> 3]![address & 7] = value & 0x1f;
    else {
      const row = rowStart.findLastIndex((start) => address >= start && address < start + columns);
      if (row >= 0 && row < rows) ddram[row]![address - rowStart[row]!] = value;
    }
    address += 1;
  };
  for (const byte of bytes) {
    const fell = (previous & 0x04) !== 0 && (byte & 0x04) === 0;
    previous = byte;
    if (!fell) continue;
    const nibble = byte >> 4;
    if (resetNibbles < 4) {
      resetNibbles += 1;
      continue;
    }
    if (high === undefined) high = nibble;
    else {
      apply(byte & 0x01, (high << 4) | nibble);
      high = undefined;
    }
  }
  return { ddram, cgram };
}

/** Reads back the MAX7219 frames clocked out bit by bit on data/clock while cs is low: register → value. */
export function replayMax7219(writes: [pin: number, value: number][], pins: { data: number; clock: number; cs: number }): Map<number, number> {
  const registers = new Map<number, number>();
  let data = 0;
  let clock = 0;
  let bits: number[] = [];
  for (const [pin, value] of writes) {
    if (pin === pins.data) data = value;
    else if (pin === pins.clock) {
      if (clock === 0 && value === 1) bits.push(data); // MAX7219 samples DIN on CLK's rising edge
      clock = value;
    } else if (pin === pins.cs) {
      if (value === 0) bits = [];
      else if (bits.length >= 16) {
        const word = bits.slice(-16).reduce((w, b) => (w << 1) | b, 0);
        registers.set(word >> 8, word & 0xff);
      }
    }
  }
  return registers;
}
