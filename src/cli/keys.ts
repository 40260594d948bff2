/**
 * npm run keys -- create --role ROLE --name NAME [--unit UNIT] [--leader LEADER] [--jurisdiction J] [--expires DATE]
 * npm run keys -- list
 * npm run keys -- revoke <prefix>
 *
 * Bootstraps and manages API keys on the server's own shell: whoever can run
 * this can read the database anyway, so it acts as SYSTEM — through the same
 * mutation pipeline, policy and audit trail as the API (actor `cli:<user>`).
 * `create` prints the new key alone on the last line of stdout, so
 * `KEY=$(npm run -s keys -- create … | tail -1)` works.
 * Exit codes: 0 done, 1 refused, 2 wrong usage.
 */
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { AccountRole } from '../auth/account-role';
import { createAccount, createApiKey, revokeApiKey } from '../auth/account.mutations';
import { connectDatabase } from '../db/connect';
import { RequestContext } from '../graphql/context';
import { shellPrincipal } from '../graphql/principal';
import { findLeaderByName } from '../leader/leader-lookup';
import type { UserError } from '../mutation/user-error.type';
import { findUnitByName } from '../unit/unit-lookup';
import { writeOut } from './write-out';

const USAGE = `usage:
  npm run keys -- create --role ADMIN|OFFICE|UNIT|LEADER|READER --name NAME [--unit UNIT] [--leader LEADER] [--jurisdiction JURISDICTION] [--expires ISO-DATE]
  npm run keys -- list
  npm run keys -- revoke PREFIX`;

interface Outcome {
  code: 0 | 1 | 2;
  stdout?: string;
  stderr?: string;
}

class Usage extends Error {}

async function main(argv: string[]): Promise<Outcome> {
  const [command, ...rest] = argv;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new Usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') throw new Usage(command ? `unknown command ${command}` : 'a command is needed');
  if (command === 'create') {
    const role = values.role?.toUpperCase() as AccountRole | undefined;
    if (!role || !(role in AccountRole)) throw new Usage(`--role must be one of ${Object.keys(AccountRole).join(', ')}`);
    if (!values.name) throw new Usage('--name is needed');
    if (values.expires && Number.isNaN(new Date(values.expires).getTime())) throw new Usage(`--expires must be an ISO 8601 date or time (got ${values.expires})`);
  }
  if (command === 'revoke' && positionals.length !== 1) throw new Usage('revoke takes one key prefix');

  const database = await connectDatabase();
  try {
    const ctx = new RequestContext(database.dataSource, shellPrincipal(os.userInfo().username), { requestId: null, clientAddress: null });
    if (command === 'list') return { code: 0, stdout: await list(ctx) };
    if (command === 'revoke') {
      const revoked = await revokeApiKey(ctx, { prefix: positionals[0] });
      if (revoked.userErrors.length) return refused(revoked.userErrors);
      return { code: 0, stdout: `revoked API key ${positionals[0]}\n` };
    }
    const role = values.role!.toUpperCase() as AccountRole;
    const jurisdiction = values.jurisdiction ?? null;
    const unit = values.unit ? await findUnitByName(ctx, values.unit, jurisdiction) : null;
    if (values.unit && !unit) return { code: 1, stderr: `There is no unit ${values.unit}${jurisdiction ? ` in ${jurisdiction}` : ''}.\n` };
    const leader = values.leader ? await findLeaderByName(ctx, values.leader, jurisdiction) : null;
    if (values.leader && !leader) return { code: 1, stderr: `There is no leader ${values.leader}${jurisdiction ? ` in ${jurisdiction}` : ''}.\n` };
    const account = await createAccount(ctx, {
      name: values.name!,
      role,
      unitId: unit?.id ?? null,
      leaderId: leader?.id ?? null,
      // A unit's or leader's account acts in their jurisdiction; the option only chose which one's name it was.
      jurisdiction: unit || leader ? null : jurisdiction,
    });
    if (account.userErrors.length) return refused(account.userErrors);
    const key = await createApiKey(ctx, { accountId: account.accountId!, expiresAt: values.expires ? new Date(values.expires) : null });
    if (key.userErrors.length) return refused(key.userErrors);
    const bound = unit ? ` for ${unit.name}` : leader ? ` for ${leader.name}` : '';
    const expiry = values.expires ? `, expires ${new Date(values.expires).toISOString()}` : '';
    return {
      code: 0,
      stdout: `created account ${account.accountId} (${role}${bound}) "${values.name}" with API key ${key.token!.slice(6, 14)}${expiry}; the key is shown once:\n${key.token}\n`,
    };
  } finally {
    await database.close();
  }
}

const OPTIONS = {
  role: { type: 'string' },
  name: { type: 'string' },
  unit: { type: 'string' },
  leader: { type: 'string' },
  jurisdiction: { type: 'string' },
  expires: { type: 'string' },
} as const;

async function list(ctx: RequestContext): Promise<string> {
  const rows = await ctx.query<{ prefix: string | null; status: string; expires_at: Date | null; id: number; name: string; role: string; bound: string | null }>(
    `SELECT k.prefix,
            CASE WHEN k.id IS NULL THEN '-' WHEN k.revoked_at IS NOT NULL THEN 'revoked' WHEN k.expires_at <= now() THEN 'expired' ELSE 'active' END AS status,
            k.expires_at, a.id, a.name, a.role, COALESCE(u.name, l.name) AS bound
     FROM account a LEFT JOIN api_key k ON k.account_id = a.id LEFT JOIN unit u ON u.id = a.unit_id LEFT JOIN leader l ON l.id = a.leader_id
     ORDER BY a.id, k.id`,
  );
  if (!rows.length) return 'no accounts yet: npm run keys -- create --role ADMIN --name "…"\n';
  const lines = rows.map((r) =>
    [r.prefix ?? '-', r.status, r.expires_at ? new Date(r.expires_at).toISOString() : '-', `account ${r.id}`, r.role, r.bound ?? '-', r.name].join('\t'),
  );
  return `${['prefix', 'status', 'expires', 'account', 'role', 'for', 'name'].join('\t')}\n${lines.join('\n')}\n`;
}

function refused(errors: UserError[]): Outcome {
  return { code: 1, stderr: errors.map((e) => `refused: ${e.message}${e.field ? ` (${e.field})` : ''}\n`).join('') };
}

main(process.argv.slice(2))
  .catch((error): Outcome => {
    if (error instanceof Usage) return { code: 2, stderr: `${error.message}\n${USAGE}\n` };
    return { code: 1, stderr: `keys failed: ${error instanceof Error ? error.message : String(error)}\n` };
  })
  .then(async (outcome) => {
    await writeOut(process.stdout, outcome.stdout ?? '');
    await writeOut(process.stderr, outcome.stderr ?? '');
    process.exit(outcome.code);
  });
