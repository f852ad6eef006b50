import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RULES } from '../../src/policy/rules/index';

const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as {
  properties: { rules: { properties: Record<string, { type: string; enum: string[] }> } };
};

it('lists every rule in the admin console’s schema with exactly the levels its metadata allows', () => {
  const listed = schema.properties.rules.properties;
  expect(Object.keys(listed).sort()).toEqual(RULES.map(({ meta }) => meta.id).sort());
  for (const { meta } of RULES) expect(listed[meta.id], meta.id).toEqual({ type: 'string', enum: [...meta.levels] });
});
