// A TCP port for the API under test. The OS picks one nobody listens on; the reservation keeps two
// concurrent validations in this process from being handed the same one, which would let one
// validation probe the other's server. (Another program could still take it before the API binds
// it; the start check then fails with the API's own "address in use" log.)
import { createServer } from 'node:net';

const reserved = new Set<number>();
const ATTEMPTS = 10;

export interface PortReservation {
  port: number;
  release(): void;
}

export async function reserveFreePort(): Promise<PortReservation> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = await askOsForFreePort();
    if (reserved.has(port)) continue;
    reserved.add(port);
    return { port, release: () => reserved.delete(port) };
  }
  throw new Error(`no free port found in ${ATTEMPTS} attempts`);
}

function askOsForFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port of a probe socket'));
      });
    });
  });
}
