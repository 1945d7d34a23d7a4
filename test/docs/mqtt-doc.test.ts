import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { refusalCodes, refusalSchema } from '../../shared/contract/common.ts';
import { type ClientRole, contract, type TopicName } from '../../shared/contract/topics.ts';

// docs/MQTT.md is how anyone writes a device without reading the code: it must not drift from the contract table.
const page = readFileSync(new URL('../../docs/MQTT.md', import.meta.url), 'utf8');
const names = Object.keys(contract) as TopicName[];

/** The JSON values written one after another in a code block (each may span lines). */
function jsonValues(block: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let k = 0; k < block.length; k++) {
    const c = block[k];
    if (inString) {
      if (c === '\\') k++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = k;
    } else if (c === '}' && --depth === 0) values.push(JSON.parse(block.slice(start, k + 1)));
  }
  return values;
}

/** Each topic's section: its pattern from the heading, its text up to the next heading. */
const sections = page
  .split(/^### /m)
  .slice(1)
  .map((s) => ({ pattern: /^`([^`]+)`/.exec(s)?.[1] ?? '', text: s }));

test('every topic of the contract has its section in docs/MQTT.md, and every section is a topic', () => {
  assert.equal(sections.map((s) => s.pattern).sort(), names.map((n) => contract[n].pattern).sort());
});

test("every JSON example in docs/MQTT.md is a valid message of its topic's schema", () => {
  let checked = 0;
  for (const { pattern, text } of sections) {
    const name = names.find((n) => contract[n].pattern === pattern)!;
    for (const block of text.matchAll(/```json\n([\s\S]*?)```/g)) {
      for (const value of jsonValues(block[1]!)) {
        const parsed = contract[name].schema.safeParse(value);
        assert.ok(parsed.success, `${pattern}: ${JSON.stringify(value)}: ${parsed.error?.message}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 15, `only ${checked} examples found`);
});

test('the refusal codes docs/MQTT.md names exist, and every code the contract has is named', () => {
  const named = new Set<string>();
  for (const { text } of sections.filter((s) => s.pattern.endsWith('/reply'))) {
    const prose = text.replace(/```[\s\S]*?```/g, '');
    for (const code of prose.matchAll(/`([a-z][A-Za-z]+)`/g)) if (/^[a-z]+[A-Z]/.test(code[1]!) || (refusalCodes as readonly string[]).includes(code[1]!)) named.add(code[1]!);
  }
  const known = new Set<string>(refusalCodes);
  const fields = new Set([
    'requestId',
    'commandId',
    'startsAt',
    'serviceId',
    'pressedAt',
    'checkInEarlyMinutes',
    'checkInLateMinutes',
    'waitingAhead',
    'estimatedWaitMinutes',
    ...Object.keys(refusalSchema.shape),
  ]);
  assert.equal(
    [...named].filter((c) => !known.has(c) && !fields.has(c)),
    [],
    'codes named that the contract does not have',
  );
  assert.equal(
    refusalCodes.filter((c) => !named.has(c)),
    [],
    'codes the contract has that the page does not name',
  );
});

/** The topics a role may publish or subscribe, written as the access tables write them. */
function rights(table: 'publish' | 'subscribe', role: ClientRole, simulation: boolean): string[] {
  return names
    .filter((n) => 'simulationOnly' in contract[n] === simulation || (simulation && role === 'simulator'))
    .flatMap((n) => {
      const may = (contract[n][table] as Partial<Record<ClientRole, 'own' | 'any'>>)[role];
      return may ? [contract[n].pattern.replace('{id}', may === 'own' ? '{own}' : '+')] : [];
    })
    .sort();
}

/** The rows of the access table that follows `heading`: roles → [may publish, may subscribe]. */
function accessTable(after: string): Map<string, [string[], string[]]> {
  const rows = new Map<string, [string[], string[]]>();
  const lines = page.slice(page.indexOf(after)).split('\n');
  const first = lines.findIndex((l) => l.startsWith('| role'));
  const cell = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).sort();
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    const [roles, publish, subscribe] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim());
    for (const role of roles!.replace(/ \(login .*\)/, '').split(', ')) rows.set(role, [cell(publish!), cell(subscribe!)]);
  }
  return rows;
}

test("docs/MQTT.md's access tables say exactly what the contract table grants", () => {
  const production = accessTable('## Access');
  for (const role of ['kiosk', 'counter', 'display'] as const) {
    assert.equal(production.get(role), [rights('publish', role, false), rights('subscribe', role, false)], role);
  }
  const simulation = accessTable('On a server started for simulation');
  for (const role of ['kiosk', 'counter', 'display', 'simulator'] as const) {
    assert.equal(simulation.get(role), [rights('publish', role, true), rights('subscribe', role, true)], `${role} in simulation`);
  }
});

test.run();
