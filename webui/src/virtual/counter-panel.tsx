import { counterButtons } from '../../../shared/contract/counter.ts';
import type { CounterConfig } from '../../../shared/contract/device.ts';
import type { SimInput, SimOutput } from '../../../shared/contract/simulation.ts';
import type { VirtualTexts } from './virtual-texts.ts';

/** `services`: what the counter serves, as the kiosks' buttons name it; `place`: the kiosk that prints its tickets. */
interface Props {
  config: CounterConfig;
  output: SimOutput | undefined;
  services: string[];
  place: string | undefined;
  t: VirtualTexts;
  send(input: SimInput): void;
}

/** One clerk's box: what it serves and where, the eight LED digits (called number, people waiting) and its five buttons. */
export function CounterPanel({ config, output, services, place, t, send }: Props) {
  const lights = new Map(output?.lights?.map((l) => [l.button, l.on]));
  const headingId = `${config.deviceId}-name`;
  return (
    <section class="device counter" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t.counter(config.number)} <span class="device-id">{config.deviceId}</span>
      </h3>
      <dl class="counter-facts">
        <dt>{t.serves}</dt>
        <dd>{services.join(', ')}</dd>
        {place ? (
          <>
            <dt>{t.stands}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
      </dl>
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
