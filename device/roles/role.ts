import type { Clock } from '../../shared/clock.ts';
import type { MqttLink } from '../mqtt-link.ts';

/** What a device does once the server has told it its role; constructors only assign. */
export interface Role {
  start(): Promise<void>;
  stop(): Promise<void>;
  setOnline(online: boolean): void;
}

export interface RoleContext {
  link: MqttLink;
  clock: Clock;
}
