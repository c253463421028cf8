// Opens the database and resumes queued work when the server starts, not on the first request:
// pending versions continue at once, and a second server on the same data dir stops right away.
// The work lives in a Node-only module so the Edge build of this file never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startAppServices } = await import('./server/start-app-services');
  await startAppServices();
  // Compiled away outside `next dev`: production and tests never load the warm-up.
  if (process.env.NODE_ENV === 'development') {
    const { scheduleDevWarmUp } = await import('./server/dev-warm-up');
    scheduleDevWarmUp(process.env);
  }
}
