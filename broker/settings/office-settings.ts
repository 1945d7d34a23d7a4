import { withPublicBase } from '../../shared/config/public-address.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { validateOfficeConfig } from '../../shared/config/validate.ts';
import type { DocumentStore } from '../store/document-store.ts';

/**
 * The one office configuration in force, which every part reads when it uses it (docs/ARCHITECTURE.md,
 * "One configuration in force"). It starts as FRONTA_CONFIG (or the Kostelec example); once an
 * administrator saves settings, `settings.json` in the data directory holds them and is read from
 * then on. Only the settings service changes it, whole and durably. The object in force is replaced,
 * never mutated, so a part that derives something from it (the availability cache) knows by its
 * identity whether it changed. The mail part always comes from the server's configuration file:
 * the relay and its password belong to whoever runs the server (`npm run mail`), and a file
 * changed there after the settings were first saved must not be shadowed by the saved copy.
 */
export class OfficeSettings {
  /** As configured or saved: what the settings page shows and saves. */
  private current: OfficeConfig;
  private inForceNow: OfficeConfig;
  private readonly initialMail: OfficeConfig['mail'];

  /** `publicBase`: the address the server derived from how it was started, for a configuration that names none. */
  constructor(
    private readonly store: DocumentStore,
    initial: OfficeConfig,
    private readonly publicBase: string,
  ) {
    this.current = initial;
    this.initialMail = initial.mail;
    this.inForceNow = this.inForce(initial);
  }

  /** Reads the saved settings, if any; a file that no longer validates stops the server with every error. */
  async start(): Promise<'saved' | 'initial'> {
    const text = await this.store.read();
    if (text === null) return 'initial';
    const result = validateOfficeConfig(JSON.parse(text));
    if (!result.ok) throw new Error(`invalid saved settings:\n  ${result.error.errors.join('\n  ')}`);
    this.current = { ...result.data, mail: this.initialMail };
    this.inForceNow = this.inForce(this.current);
    return 'saved';
  }

  /** The configuration in force: as stored, with the public address filled in when it names none. */
  get config(): OfficeConfig {
    return this.inForceNow;
  }

  /** As configured or saved, without what the server filled in. */
  get stored(): OfficeConfig {
    return this.current;
  }

  /** A configuration as it would be in force here. */
  inForce(config: OfficeConfig): OfficeConfig {
    return withPublicBase(config, this.publicBase);
  }

  async save(config: OfficeConfig): Promise<void> {
    const saved = { ...config, mail: this.initialMail };
    await this.store.write(`${JSON.stringify(saved, null, 2)}\n`);
    this.current = saved;
    this.inForceNow = this.inForce(saved);
  }
}
