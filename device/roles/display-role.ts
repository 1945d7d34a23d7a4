import type { DisplayConfig } from '../../shared/contract/device.ts';
import type { HallCall } from '../../shared/contract/hall.ts';
import type { DisplayDrivers } from '../drivers/factory.ts';
import type { Unsubscribe } from '../drivers/listeners.ts';
import type { Role, RoleContext } from './role.ts';

/** A hall text panel: the newest call first, "B014 → 3". The TV hall screen (issue #5) reads the same topic. */
export class DisplayRole implements Role {
  private calls: HallCall[] = [];
  private online = false;
  private unsubscribe: Unsubscribe = () => {};

  constructor(
    private readonly ctx: RoleContext,
    private readonly config: DisplayConfig,
    private readonly drivers: DisplayDrivers,
  ) {}

  attach(): void {
    this.unsubscribe = this.ctx.link.subscribe('hallCalls', '', (message) => {
      this.calls = message.calls.filter((c) => this.config.workplaceIds.includes(c.workplaceId));
      this.render();
    });
    this.render();
  }

  detach(): void {
    this.unsubscribe();
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.render();
  }

  private render(): void {
    if (!this.online) {
      this.drivers.panel.show(['Mimo provoz', 'Out of service']);
      return;
    }
    const header = 'Číslo → přepážka';
    this.drivers.panel.show([header, ...this.calls.slice(0, this.drivers.panel.rows - 1).map((c) => `${c.number} → ${c.counterNumber}`)]);
  }
}
