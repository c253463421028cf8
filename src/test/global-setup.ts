import { ensureMigratedDump } from './pglite-dump';

export default async function globalSetup(): Promise<void> {
  await ensureMigratedDump();
}
