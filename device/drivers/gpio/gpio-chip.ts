import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface GpioChip {
  name: string;
  label: string;
  base: number;
  lines: number;
}

/** The SoC's own GPIO controller, whose lines are the 40-pin header: bcm2835/2711 on a Pi 1-4, rp1 on a Pi 5. */
const headerLabel = /^pinctrl-(bcm\d+|rp1)$/;

export async function listGpioChips(sysfs = '/sys/class/gpio'): Promise<GpioChip[]> {
  const names = (await readdir(sysfs).catch(() => [] as string[])).filter((n) => n.startsWith('gpiochip'));
  const read = (name: string, file: string) => readFile(join(sysfs, name, file), 'utf8').then((t) => t.trim());
  return Promise.all(names.map(async (name) => ({ name, label: await read(name, 'label'), base: Number(await read(name, 'base')), lines: Number(await read(name, 'ngpio')) })));
}

/**
 * The chip the header's BCM numbers belong to, read at run time: since kernel 6.6 its sysfs base
 * is no longer 0 (512 on a Pi 4, 571 on a Pi 5, and it has moved between kernels), so a pin's
 * sysfs number is `base + BCM number`, never a constant (docs/HARDWARE.md).
 */
export async function headerChip(sysfs = '/sys/class/gpio', label?: string): Promise<GpioChip> {
  const chips = await listGpioChips(sysfs);
  const chip = chips.find((c) => (label ? c.label === label : headerLabel.test(c.label)));
  if (!chip) {
    const found = chips.map((c) => `${c.name} "${c.label}" base ${c.base}`).join(', ') || 'no GPIO chips';
    throw new Error(`no GPIO chip ${label ? `labelled "${label}"` : 'for the 40-pin header'} in ${sysfs} (found: ${found})`);
  }
  return chip;
}
