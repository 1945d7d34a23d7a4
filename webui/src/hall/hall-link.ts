import type { DeviceConfig } from '../../../shared/contract/device.ts';
import type { HallCalls } from '../../../shared/contract/hall.ts';
import type { ServiceStatus } from '../../../shared/contract/service.ts';
import { topic, topicFilter } from '../../../shared/contract/topics.ts';
import { connectBroker } from '../broker-link.ts';

export interface HallEvents {
  online(online: boolean): void;
  config(config: DeviceConfig): void;
  calls(calls: HallCalls): void;
  status(status: ServiceStatus): void;
}

/** Who the screen logs in as: its display's read-only credentials, or the virtual office's. */
export interface HallLogin {
  username: string;
  password: string;
}

/** What one hall screen reads: its display's configuration, the calls, and every service's status. */
export function connectHall(displayId: string, login: HallLogin, events: HallEvents): () => void {
  const link = connectBroker({
    ...login,
    tag: 'screen',
    filters: [topic('deviceConfig', displayId), topic('hallCalls'), topicFilter('serviceStatus')],
    online: events.online,
    message: (m) => {
      if (m.name === 'hallCalls') events.calls(m.value);
      else if (m.name === 'serviceStatus') events.status(m.value);
      else if (m.name === 'deviceConfig' && m.id === displayId) events.config(m.value);
    },
  });
  return () => link.close();
}
