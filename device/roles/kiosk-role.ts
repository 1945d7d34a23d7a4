import type { RefusalCode } from '../../shared/contract/common.ts';
import type { KioskConfig } from '../../shared/contract/device.ts';
import type { ServiceStatus } from '../../shared/contract/service.ts';
import type { Message } from '../../shared/contract/topics.ts';
import { formatTime } from '../../shared/texts/booking-texts.ts';
import { type KioskScreen, kioskLines } from '../../shared/texts/kiosk-texts.ts';
import type { KioskDrivers } from '../drivers/factory.ts';
import type { KeypadKey } from '../drivers/interfaces.ts';
import type { Unsubscribe } from '../drivers/listeners.ts';
import { ticketBytes } from '../escpos/ticket-layout.ts';
import { KioskRequests } from '../kiosk-requests.ts';
import { enterKey } from './code-entry.ts';
import { PaperWatch } from './paper-watch.ts';
import type { Role, RoleContext } from './role.ts';

/** How long a result stays on the LCD before it returns to "choose a service". */
const messageMs = 6000;

/** Which LCD screen a refusal shows; the rest mean the system failed and nothing was printed. */
const refusalScreens: Partial<Record<RefusalCode, KioskScreen>> = {
  closed: 'closed',
  holiday: 'holiday',
  capacityExhausted: 'capacityExhausted',
  unknownCode: 'unknownCode',
  codeUsed: 'codeUsed',
  tooEarly: 'tooEarly',
  tooLate: 'tooLate',
  wrongWorkplace: 'wrongWorkplace',
  tooManyAttempts: 'tooManyAttempts',
};

/**
 * The ticket kiosk: lit service buttons, the code keypad, the LCD and the printer. It prints only
 * what the engine has stored and answered; with the broker away it says so and prints nothing.
 */
export class KioskRole implements Role {
  private readonly statuses = new Map<string, ServiceStatus>();
  private online = false;
  private busy = false;
  private code = '';
  /** A late code whose walk-in ticket the LCD offers: Enter takes it, any other key or the pause forgets it. */
  private lateCode: string | undefined;
  private resetTimer: NodeJS.Timeout | undefined;
  private readonly requests: KioskRequests;
  private readonly paper: PaperWatch;
  private detachers: Unsubscribe[] = [];

  constructor(
    private readonly ctx: RoleContext,
    private readonly config: KioskConfig,
    private readonly drivers: KioskDrivers,
  ) {
    this.paper = new PaperWatch(drivers.printer, () => {
      void this.reportHealth();
      this.render();
    });
    this.requests = new KioskRequests(ctx.link, ctx.clock, config.requestTimeoutMs);
  }

  attach(): void {
    this.detachers = [
      this.requests.attach(),
      this.ctx.link.subscribe('serviceStatus', '+', (status) => {
        this.statuses.set(status.serviceId, status);
        this.refreshLights();
      }),
      this.drivers.buttons.onPress((button) => void this.press(button)),
      this.drivers.keypad.onKey((key) => void this.key(key)),
      this.paper.attach(),
    ];
    this.render();
  }

  detach(): void {
    clearTimeout(this.resetTimer);
    for (const detach of this.detachers.splice(0)) detach();
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.render();
    if (online) void this.reportHealth();
  }

  /** The printer's paper, for the staff dashboard (retained on the device's health topic). */
  private async reportHealth(): Promise<void> {
    const printer = this.paper.status;
    const status = printer === 'ok' || printer === 'unknown' ? 'ok' : printer === 'paperLow' ? 'degraded' : 'error';
    this.ctx.link.publish('deviceHealth', { status, printer, at: this.ctx.clock.now() });
  }

  private serviceOf(button: number) {
    return this.config.buttons.find((b) => b.button === button);
  }

  private async press(button: number): Promise<void> {
    const entry = this.serviceOf(button);
    if (!entry || this.busy) return;
    if (!this.online) return this.show('outOfService');
    const status = this.statuses.get(entry.serviceId);
    const current = status && (status.changesAt === undefined || this.ctx.clock.now() < status.changesAt);
    // The status's closed reasons are refusal codes too: the same screen either way.
    if (status && current && !status.open) return this.flash(refusalScreens[status.closedReason ?? 'closed'] ?? 'closed');
    await this.issue(() => this.requests.walkIn(entry.serviceId));
  }

  private async key(key: KeypadKey): Promise<void> {
    if (this.busy) return;
    if (!this.online) return this.show('outOfService');
    const late = this.lateCode;
    this.lateCode = undefined;
    if (late && key === 'enter') return this.issue(() => this.requests.lateWalkIn(late));
    const step = enterKey(this.code, key);
    this.code = step.kind === 'typing' ? step.code : '';
    if (step.kind === 'submit') return this.issue(() => this.requests.checkIn(step.code), step.code);
    if (step.kind === 'empty') return this.render();
    this.show('enterCode', { code: step.code });
    this.resetTimer = setTimeout(() => {
      this.code = '';
      this.render();
    }, this.config.codeEntryTimeoutMs); // a code left half-typed is forgotten: the next citizen starts afresh
    this.resetTimer.unref();
  }

  /** Checks the paper, asks the engine, prints what it answered: the same path for walk-ins and check-ins (`code`: the typed one). */
  private async issue(ask: () => Promise<Message<'kioskReply'> | undefined>, code?: string): Promise<void> {
    this.busy = true;
    try {
      // A ticket the engine stored but the printer cannot print would be a ghost in the queue.
      await this.paper.check();
      if (!this.paper.usable) return;
      this.show('printing');
      const reply = await ask();
      if (!reply) return this.flash(this.online ? 'notPrinted' : 'outOfService');
      if (!reply.ok) {
        if (reply.error.walkInOffer && code) {
          this.lateCode = code;
          return this.flash('lateOffer');
        }
        // "too early" says from when the code works.
        const from = reply.error.opensAt === undefined ? '' : formatTime(reply.error.opensAt, 'cs');
        return this.flash(refusalScreens[reply.error.code] ?? 'notPrinted', { time: from });
      }
      const { ticket } = reply.data;
      const service = this.config.buttons.find((b) => b.serviceId === ticket.serviceId);
      const serviceName = service?.name ?? { cs: ticket.serviceId, en: ticket.serviceId };
      const bytes = ticketBytes({ ticket, officeName: this.config.officeName, serviceName });
      // One retry: a network printer that dropped its connection is reconnected on the second try.
      await this.drivers.printer.print(bytes).catch(() => this.drivers.printer.print(bytes));
      this.flash('printed', { number: ticket.number });
      void this.paper.check();
    } catch {
      this.flash('notPrinted');
    } finally {
      this.busy = false;
      if (!this.paper.usable) this.render();
    }
  }

  /** A button is lit exactly when pressing it would print a ticket. */
  private refreshLights(): void {
    const canPrint = this.online && this.paper.usable;
    for (const b of this.config.buttons) this.drivers.buttons.setLight(b.button, canPrint && this.statuses.get(b.serviceId)?.open === true);
  }

  private render(): void {
    this.lateCode = undefined;
    this.refreshLights();
    if (this.busy) return;
    if (!this.online || this.paper.status === 'offline') this.show('outOfService');
    else if (this.paper.status === 'paperOut') this.show('paperOut');
    else this.show('ready');
  }

  private show(screen: KioskScreen, values: Record<string, string> = {}): void {
    clearTimeout(this.resetTimer);
    this.drivers.lcd.show(kioskLines(screen, values));
  }

  /** Shows a result for a while, then returns to the ready screen. */
  private flash(screen: KioskScreen, values: Record<string, string> = {}): void {
    this.show(screen, values);
    this.resetTimer = setTimeout(() => this.render(), messageMs);
    this.resetTimer.unref();
  }
}
