// Picks the sandbox adapter the environment asks for.
import type { Backends, Env } from '@/env';
import type { SandboxAdapter } from '../ports';
import { createE2BSandbox } from './e2b-sandbox';
import { createLocalSandbox } from './local-sandbox';

export function createSandbox(env: Env, backends: Backends): { adapter: SandboxAdapter | null; skipReason?: string } {
  switch (backends.sandbox) {
    case 'skip':
      return { adapter: null, skipReason: 'Validation is switched off (FORGE_SANDBOX=skip).' };
    case 'e2b':
      return { adapter: createE2BSandbox({ apiKey: env.E2B_API_KEY! }) };
    case 'local':
      // Write routes get an empty JSON body: a 4xx passes, a crash or a 5xx is what we want to catch.
      return { adapter: createLocalSandbox({ probeWriteRoutes: true }) };
  }
}
