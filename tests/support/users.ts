import { createUserWithAccount } from '../../src/server/features/auth/users.js';
import { loginAs, newUser, type ApiClient } from './client.js';
import type { TestServer } from './harness.js';

/** A further user with an account of their own, logged in. */
export async function addUser(server: TestServer, overrides: Record<string, unknown> = {}): Promise<ApiClient> {
  const input = newUser(overrides);
  await createUserWithAccount(server.database.db, input, server.now());
  return loginAs(server.app, input);
}
