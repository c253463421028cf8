// A Postgres server of the test's own, so a fault test can restart it without disturbing anyone
// else's tests on the shared server. Needs the Debian server binaries and root (to run as postgres).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function serverBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().at(-1);
  const bin = version ? join(root, version, 'bin') : undefined;
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

export const privatePostgresSkipReason = (() => {
  if (!serverBinaries()) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  if (process.getuid?.() !== 0) return 'starting a private PostgreSQL needs root (to run it as the postgres user)';
  return undefined;
})();

export interface PrivatePostgres {
  url: string;
  restart(): void;
  stop(): void;
}

export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = serverBinaries()!;
  const dir = mkdtempSync(join(tmpdir(), 'forge-private-pg-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
  const asPostgres = (command: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'ignore' });
  const pgCtl = (args: string[]) => asPostgres('pg_ctl', ['-D', join(dir, 'data'), '-w', ...args]);
  asPostgres('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  const options = ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log')];
  pgCtl([...options, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl([...options, '-m', 'fast', 'restart']),
    stop() {
      try {
        pgCtl(['-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
