import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { createSchema } from '../../src/api/schema';
import { enforcePolicy } from '../../src/auth/enforce-policy';
import { FIELD_ACTIONS, ROOT_FIELD_ACTIONS, TYPE_ACTIONS } from '../../src/auth/field-actions';
import { policyTableMarkdown } from '../../src/auth/policy-table';
import { memoForRootField } from '../../src/graphql/operation-memo';
import type { GraphQLResolveInfo } from 'graphql';

describe('the policy covers the whole API', () => {
  it('a field or mutation without a policy entry stops the schema from being built', () => {
    const sdl = `type Query { tasks: Int  secrets: Int } type Mutation { createAccount: Int  dropEverything: Int } type Hidden { x: Int } type Task { n: Int }`;
    const schema = buildSchema(sdl);
    expect(() => enforcePolicy(schema)).toThrow(
      'No policy entry for Query.secrets, Mutation.dropEverything, Hidden: add each to src/auth/field-actions.ts with the action it stands for (README "Policy").',
    );
  });

  it('every entry names a field or type the schema has (no stale entries)', async () => {
    const schema = await createSchema();
    const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    expect(Object.keys(ROOT_FIELD_ACTIONS).filter((k) => !roots.includes(k))).toEqual([]);
    const types = Object.values(schema.getTypeMap()).filter(isObjectType).map((t) => t.name);
    expect(Object.keys(TYPE_ACTIONS).filter((k) => !types.includes(k))).toEqual([]);
    const fields = Object.values(schema.getTypeMap()).filter(isObjectType).flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    expect(Object.keys(FIELD_ACTIONS).filter((k) => !fields.includes(k))).toEqual([]);
  });

  it('the README’s policy table is the one in the code', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- policy-table:start -->');
    const end = readme.indexOf('<!-- policy-table:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- policy-table:start -->'.length, end).trim()).toBe(policyTableMarkdown().trim());
  });

  it('memoised root plans are kept per viewer scope: one viewer’s statement never serves another', () => {
    const info = { path: { prev: undefined }, fieldNodes: [{}], variableValues: {} } as unknown as GraphQLResolveInfo;
    expect(memoForRootField(info, 'UNIT:1:3::1', () => 'unit 3’s plan')).toBe('unit 3’s plan');
    expect(memoForRootField(info, 'UNIT:2:4::1', () => 'unit 4’s plan')).toBe('unit 4’s plan');
    expect(memoForRootField(info, 'UNIT:1:3::1', () => 'built again')).toBe('unit 3’s plan');
  });
});
