import { z } from 'zod';

/** What "Connect your phone" shows (README "Sync with your phone"). */
export const DavConnection = z.object({
  /** CIRCULO_PUBLIC_URL when the server has one; null: the address the web app was opened at. */
  serverUrl: z.string().nullable(),
  /** The CardDAV tree under that address (phones find it from the address alone too). */
  path: z.string(),
  /** The user name to type: the user's e-mail. */
  username: z.string(),
});
export type DavConnection = z.infer<typeof DavConnection>;
