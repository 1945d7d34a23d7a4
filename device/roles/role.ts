import type { Clock } from '../../shared/clock.ts';
import type { MqttLink } from '../mqtt-link.ts';

/**
 * What a device does once the server has told it its role. Constructors only assign; `attach`
 * registers on the link and the drivers (which the runtime has started and keeps running) and
 * `detach` removes every registration, so the next configuration's role starts on clean hardware.
 */
export interface Role {
  attach(): void;
  detach(): void;
  setOnline(online: boolean): void;
}

export interface RoleContext {
  link: MqttLink;
  clock: Clock;
}
