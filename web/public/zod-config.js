// Loaded by index.html before the app's modules. The server's Content-Security-Policy allows no
// eval (src/server/http/security-headers.ts); Zod compiles faster object parsers with
// `new Function` unless told not to, and even its probe for eval is reported as a violation.
// Zod reads this global when it loads, before any schema is built (z.config() in a module would
// run too late: the bundler may evaluate the schemas' chunk first).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
