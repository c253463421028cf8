// Opens the database and resumes queued work when the server starts, not on the first request:
// pending versions continue at once, and a second server on the same data dir stops right away.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getAppServices } = await import('./server/app-services');
  try {
    await getAppServices();
  } catch (error) {
    console.error(`\n[api-forge] Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
