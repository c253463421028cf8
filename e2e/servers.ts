// The two servers the e2e suite starts: the production build, which most specs use, and `next dev`,
// the way the README tells a new user to start the workspace (dev-server.spec.ts).
export const PRODUCTION_PORT = 3100;
export const DEV_PORT = 3200;
export const DEV_BASE_URL = `http://127.0.0.1:${DEV_PORT}`;
