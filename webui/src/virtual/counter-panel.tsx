import type { CounterConfig } from '../../../shared/contract/device.ts';
import { counterButtons } from '../../../shared/contract/counter.ts';
import type { SimInput, SimOutput } from '../../../shared/contract/simulation.ts';
import type { VirtualTexts } from './virtual-texts.ts';

interface Props { config: CounterConfig; output: SimOutput | undefined; t: VirtualTexts; send(input: SimInput): void }

/** One clerk's box: the eight LED digits (called number, people waiting) and its five buttons. */
export function CounterPanel({ config, output, t, send }: Props) {
  const lights = new Map(output?.lights?.map((l) => [l.button, l.on]));
  const headingId = `${config.deviceId}-name`;
  return (
    <section class="device counter" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t.counter(config.number)} <span class="device-id">{config.deviceId}</span>
      </h3>
      <output class="led" aria-label={t.digits}>
        {output?.digits ?? '        '}
      </output>
      <div class="box-buttons">
        {Object.entries(counterButtons).map(([button, action]) => {
          const lit = lights.get(Number(button)) === true;
          return (
            <button key={button} type="button" class={lit ? 'lit' : 'dark'} onClick={() => send({ kind: 'press', button: Number(button) })}>
              {t.actions[action]}
              {action === 'pauseToggle' ? <span class="visually-hidden"> ({lit ? t.lit : t.dark})</span> : null}
            </button>
          );
        })}
      </div>
    </section>
  );
}
