// The server's Content-Security-Policy allows no eval (src/server/http/security-headers.ts). Zod
// compiles faster object parsers with `new Function` unless told not to, and even its probe for
// eval is reported as a policy violation. Imported first by main.tsx, before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });
