import { type CounterState, counterButtons } from '../../shared/contract/counter.ts';
import type { CounterConfig } from '../../shared/contract/device.ts';
import type { CounterDrivers } from '../drivers/factory.ts';
import type { Unsubscribe } from '../drivers/listeners.ts';
import { newRequestId } from '../mqtt-link.ts';
import type { Role, RoleContext } from './role.ts';

/** What the eight LED digits show: the called number on the left, how many wait on the right. */
export function digitsText(state: CounterState | undefined, online: boolean): string {
  if (!online || !state) return '--------';
  const left = state.status === 'paused' ? 'P   ' : (state.current?.number ?? '----');
  return `${left.padEnd(4)}${String(Math.min(state.waiting, 9999)).padStart(4)}`;
}

export class CounterRole implements Role {
  private state: CounterState | undefined;
  private online = false;
  private detachers: Unsubscribe[] = [];

  constructor(
    private readonly ctx: RoleContext,
    private readonly config: CounterConfig,
    private readonly drivers: CounterDrivers,
  ) {}

  attach(): void {
    this.detachers = [
      this.ctx.link.subscribe('counterState', this.config.deviceId, (state) => {
        this.state = state;
        this.render();
      }),
      this.drivers.buttons.onPress((button) => this.press(button)),
    ];
    this.render();
  }

  detach(): void {
    for (const detach of this.detachers.splice(0)) detach();
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.render();
    if (online) this.ctx.link.publish('deviceHealth', { status: 'ok', at: this.ctx.clock.now() });
  }

  private press(button: number): void {
    const mapped = counterButtons[button];
    if (!mapped) return;
    const action = mapped === 'pauseToggle' ? (this.state?.status === 'paused' ? 'resume' : 'pause') : mapped;
    // Offline, the press is dropped, not queued: it must not call someone minutes later.
    this.ctx.link.publish('counterCommand', { action, commandId: newRequestId(), pressedAt: this.ctx.clock.now() });
  }

  private render(): void {
    this.drivers.digits.show(digitsText(this.state, this.online));
    this.drivers.buttons.setLight(5, this.online && this.state?.status === 'paused');
  }
}
