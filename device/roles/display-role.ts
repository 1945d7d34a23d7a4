import type { DisplayConfig } from '../../shared/contract/device.ts';
import type { HallCall } from '../../shared/contract/hall.ts';
import type { DisplayDrivers } from '../drivers/factory.ts';
import type { Role, RoleContext } from './role.ts';

/** A hall text panel: the newest call first, "B014 → 3". The TV hall screen (issue #5) reads the same topic. */
export class DisplayRole implements Role {
  private calls: HallCall[] = [];
  private online = false;

  constructor(
    private readonly ctx: RoleContext,
    private readonly config: DisplayConfig,
    private readonly drivers: DisplayDrivers,
  ) {}

  async start(): Promise<void> {
    this.ctx.link.subscribe('hallCalls', '', (message) => {
      this.calls = message.calls.filter((c) => this.config.workplaceIds.includes(c.workplaceId));
      this.render();
    });
    await this.drivers.panel.start();
    this.render();
  }

  async stop(): Promise<void> {
    await this.drivers.panel.stop();
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
