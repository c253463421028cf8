import { getAppServices } from '@/server/app-services';
import { backends } from '@/env';

export const dynamic = 'force-dynamic';

/** Which backend serves each concern (`env.backends`) and whether the database answers. */
export async function GET() {
  const started = Date.now();
  try {
    const services = await getAppServices();
    await services.handle.query('select 1');
    return Response.json({ ok: true, backends, database: { reachable: true, latencyMs: Date.now() - started } });
  } catch (error) {
    return Response.json(
      { ok: false, backends, database: { reachable: false, error: error instanceof Error ? error.message : String(error) } },
      { status: 503 },
    );
  }
}
