import { defineConfig } from '@trigger.dev/sdk';

export default defineConfig({
  // Set TRIGGER_PROJECT_REF to your project's ref (proj_...) from the Trigger.dev dashboard.
  project: process.env.TRIGGER_PROJECT_REF ?? 'proj_api_forge',
  dirs: ['./trigger'],
  maxDuration: 900,
  build: {
    // Workers use Postgres through DATABASE_URL; the embedded database is never bundled.
    external: ['@electric-sql/pglite'],
  },
});
