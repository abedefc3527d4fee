import { startServer, stopOnSignals } from '../server/server.js';

export async function serveCommand() {
  const server = await startServer();
  stopOnSignals(server);
}
