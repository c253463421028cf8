// Server start-up (Node runtime only): open the services, or stop with a message a person can act on.
import { getAppServices } from './app-services';

export async function startAppServices(): Promise<void> {
  try {
    await getAppServices();
  } catch (error) {
    console.error(`\n[api-forge] Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
