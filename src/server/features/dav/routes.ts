// Círculo as a CardDAV server (RFC 6352) the phone's address book syncs with: README "Sync with
// your phone", docs/architecture.md "Phone sync". No well-kept CardDAV server library exists for
// Node, so the protocol is written here, kept to what address-book clients use:
//
//   /.well-known/carddav                      → 301 to /dav/ (RFC 6764; public, reveals nothing)
//   /dav/                                     the root: who am I (current-user-principal)
//   /dav/principals/<user id>/                the user: where their address books are
//   /dav/addressbooks/<user id>/              the home: one address book
//   /dav/addressbooks/<user id>/contacts/     the address book: every contact of the account
//   /dav/addressbooks/<user id>/contacts/<n>  one card (GET, PUT, DELETE)
//
// One wildcard route takes the whole tree, so the authentication hook guards it like any route
// (tests/security/gate.test.ts walks it); paths are read from the decoded wildcard, and any
// user id but the caller's is a 404.
import type { Element } from '@xmldom/xmldom';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { DavConnection } from '#shared/schemas/dav.js';
import { users } from '../../db/schema.js';
import { authOf, type App, type AppContext, type Auth } from '../../http/context.js';
import { HttpProblem } from '../../http/problems.js';
import { deleteContact } from '../contacts/queries.js';
import { parseCard } from '../imports/parsers/vcard.js';
import type { VcardVersion } from '../imports/vcard-export.js';
import { cardsByIds, createFromCard, findCard, formatToken, listCards, parseToken, renderCards, syncState, updateFromCard, type CardRef, type SyncToken } from './cards.js';
import { child, children, childElements, d, is, keyOf, nameOf, NS, parseXml, qname, serialize, textOf, x, type QName, type XNode } from './xml.js';

export const DAV_ROOT = '/dav/';
const BOOK = 'contacts';
/** A phone's card name: one path segment. */
const CARD_NAME = /^[^/\\\u0000-\u001f]{1,200}$/;
const ALLOW = 'OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT';
const METHODS = ['GET', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND', 'PROPPATCH', 'REPORT'] as const;

const principalHref = (userId: string) => `${DAV_ROOT}principals/${userId}/`;
const homeHref = (userId: string) => `${DAV_ROOT}addressbooks/${userId}/`;
const bookHref = (userId: string) => `${homeHref(userId)}${BOOK}/`;
const cardHref = (userId: string, name: string) => `${bookHref(userId)}${encodeURIComponent(name)}`;

type Resource =
  | { kind: 'root' }
  | { kind: 'principal' }
  | { kind: 'home' }
  | { kind: 'book' }
  | { kind: 'card'; name: string };

/** The resource a decoded path names, for this caller; null for anything else (a 404). */
function resourceOf(path: string, userId: string): Resource | null {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { kind: 'root' };
  if (parts[1] !== userId) return null;
  if (parts[0] === 'principals' && parts.length === 2) return { kind: 'principal' };
  if (parts[0] !== 'addressbooks') return null;
  if (parts.length === 2) return { kind: 'home' };
  if (parts[2] !== BOOK) return null;
  if (parts.length === 3) return { kind: 'book' };
  if (parts.length === 4 && CARD_NAME.test(parts[3]!)) return { kind: 'card', name: parts[3]! };
  return null;
}

/** The card a multiget href names (an absolute URL or a path, percent-encoded), if in this book. */
function cardNameOfHref(href: string, userId: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(href, 'http://host').pathname);
  } catch {
    return null;
  }
  const resource = path.startsWith(DAV_ROOT) ? resourceOf(path.slice(DAV_ROOT.length), userId) : null;
  return resource?.kind === 'card' ? resource.name : null;
}

const notFound = () => new HttpProblem(404, 'Not Found', 'Nothing here.');
const status = (code: number) => d('status', `HTTP/1.1 ${code} ${code === 200 ? 'OK' : code === 404 ? 'Not Found' : code === 403 ? 'Forbidden' : ''}`.trim());
const href = (value: string) => d('href', value);

/** One `<response>`: the props found (200) and those asked for that this resource has not (404). */
function propResponse(target: string, found: XNode[], missing: QName[]): XNode {
  const propstats: XNode[] = [];
  if (found.length > 0 || missing.length === 0) propstats.push(d('propstat', [d('prop', found), status(200)]));
  if (missing.length > 0) propstats.push(d('propstat', [d('prop', missing.map((q) => x(q.ns, q.name))), status(404)]));
  return d('response', [href(target), ...propstats]);
}

function multistatus(reply: FastifyReply, responses: XNode[], extra: XNode[] = []) {
  return reply
    .code(207)
    .type('application/xml; charset=utf-8')
    .send(serialize(d('multistatus', [...responses, ...extra])));
}

/** The vCard version asked for: 4.0 only when the client says so; iOS and most phones take 3.0. */
function versionAsked(value: string | undefined | null): VcardVersion {
  // An Accept header (`text/vcard; version=4.0`) or address-data's version attribute (`4.0`).
  const asked = value?.split(/[;,]/).map((part) => part.trim().replace(/^version\s*=\s*/i, '').replace(/"/g, ''));
  return asked?.includes('4.0') ? '4.0' : '3.0';
}

const writer = (auth: Auth) => auth.via !== 'token' || auth.scope === 'write';

function privileges(auth: Auth): XNode {
  const names = writer(auth) ? ['read', 'write', 'write-properties', 'write-content', 'bind', 'unbind', 'read-current-user-privilege-set'] : ['read', 'read-current-user-privilege-set'];
  return d('current-user-privilege-set', names.map((name) => d('privilege', [d(name)])));
}

interface Caller {
  auth: Auth;
  displayName: string;
  book: { token: SyncToken; ctag: string } | null;
}

/** The value of one property of a collection (not a card), or undefined when it has none. */
async function collectionProp(ctx: AppContext, caller: Caller, resource: Resource, prop: QName): Promise<XNode | undefined> {
  const { userId, accountId } = caller.auth;
  const key = keyOf(prop);
  const isBook = resource.kind === 'book';
  const book = async () => (caller.book ??= await syncState(ctx.db, accountId, null));
  switch (key) {
    case keyOf(qname(NS.dav, 'resourcetype')):
      return d('resourcetype', [
        d('collection'),
        ...(resource.kind === 'principal' ? [d('principal')] : []),
        ...(isBook ? [x(NS.card, 'addressbook')] : []),
      ]);
    case keyOf(qname(NS.dav, 'displayname')):
      return d('displayname', isBook ? 'Círculo' : caller.displayName);
    case keyOf(qname(NS.dav, 'current-user-principal')):
      return d('current-user-principal', [href(principalHref(userId))]);
    case keyOf(qname(NS.dav, 'principal-URL')):
      return resource.kind === 'principal' ? d('principal-URL', [href(principalHref(userId))]) : undefined;
    case keyOf(qname(NS.dav, 'owner')):
      return d('owner', [href(principalHref(userId))]);
    case keyOf(qname(NS.card, 'addressbook-home-set')):
      return resource.kind === 'principal' || resource.kind === 'root' ? x(NS.card, 'addressbook-home-set', [href(homeHref(userId))]) : undefined;
    case keyOf(qname(NS.dav, 'current-user-privilege-set')):
      return privileges(caller.auth);
    case keyOf(qname(NS.dav, 'supported-report-set')):
      if (!isBook) return undefined;
      return d(
        'supported-report-set',
        [x(NS.card, 'addressbook-multiget'), x(NS.card, 'addressbook-query'), d('sync-collection')].map((report) => d('supported-report', [d('report', [report])])),
      );
    case keyOf(qname(NS.card, 'supported-address-data')):
      if (!isBook) return undefined;
      return x(NS.card, 'supported-address-data', [
        x(NS.card, 'address-data-type', undefined, { 'content-type': 'text/vcard', version: '3.0' }),
        x(NS.card, 'address-data-type', undefined, { 'content-type': 'text/vcard', version: '4.0' }),
      ]);
    case keyOf(qname(NS.card, 'addressbook-description')):
      return isBook ? x(NS.card, 'addressbook-description', 'Your contacts in Círculo') : undefined;
    case keyOf(qname(NS.dav, 'sync-token')):
      return isBook ? d('sync-token', formatToken((await book()).token)) : undefined;
    case keyOf(qname(NS.cs, 'getctag')):
      return isBook ? x(NS.cs, 'getctag', (await book()).ctag) : undefined;
    default:
      return undefined;
  }
}

/** Properties of one card; `address-data` only when the card text is given. */
function cardProps(card: CardRef, props: QName[], text: string | undefined): { found: XNode[]; missing: QName[] } {
  const found: XNode[] = [];
  const missing: QName[] = [];
  for (const prop of props) {
    const key = keyOf(prop);
    if (key === keyOf(qname(NS.dav, 'getetag'))) found.push(d('getetag', card.etag));
    else if (key === keyOf(qname(NS.dav, 'getcontenttype'))) found.push(d('getcontenttype', 'text/vcard; charset=utf-8'));
    else if (key === keyOf(qname(NS.dav, 'resourcetype'))) found.push(d('resourcetype'));
    else if (key === keyOf(qname(NS.card, 'address-data')) && text !== undefined) found.push(x(NS.card, 'address-data', text));
    else missing.push(prop);
  }
  return { found, missing };
}

const ALLPROP_COLLECTION = ['resourcetype', 'displayname', 'current-user-principal', 'sync-token'].map((name) => qname(NS.dav, name)).concat(qname(NS.cs, 'getctag'));
const ALLPROP_CARD = [qname(NS.dav, 'getetag'), qname(NS.dav, 'getcontenttype'), qname(NS.dav, 'resourcetype')];

/** The props a PROPFIND or REPORT asks for; null means "all" (allprop, or an empty PROPFIND). */
function askedProps(root: Element | null): { props: QName[] | null; addressData: Element | undefined } {
  const prop = root ? child(root, NS.dav, 'prop') : undefined;
  if (!prop) return { props: null, addressData: undefined };
  const props = childElements(prop).map(nameOf);
  return { props, addressData: child(prop, NS.card, 'address-data') };
}

async function propfind(ctx: AppContext, caller: Caller, request: FastifyRequest, reply: FastifyReply, resource: Resource) {
  const root = parseXml(String(request.body ?? ''));
  if (root && !is(root, NS.dav, 'propfind')) throw new HttpProblem(400, 'Bad Request', 'Expected a DAV:propfind body.');
  const { props } = askedProps(root);
  const depth = String(request.headers.depth ?? 'infinity');
  const { userId, accountId } = caller.auth;
  const responses: XNode[] = [];
  const describe = async (target: string, of: Resource) => {
    const asked = props ?? ALLPROP_COLLECTION;
    const found: XNode[] = [];
    const missing: QName[] = [];
    for (const prop of asked) {
      const value = await collectionProp(ctx, caller, of, prop);
      if (value) found.push(value);
      else if (props) missing.push(prop);
    }
    responses.push(propResponse(target, found, missing));
  };
  const describeCards = (cards: CardRef[]) => {
    for (const card of cards) {
      const { found, missing } = cardProps(card, props ?? ALLPROP_CARD, undefined);
      responses.push(propResponse(cardHref(userId, card.name), found, missing));
    }
  };
  switch (resource.kind) {
    case 'root':
      await describe(DAV_ROOT, resource);
      if (depth !== '0') await describe(principalHref(userId), { kind: 'principal' });
      break;
    case 'principal':
      await describe(principalHref(userId), resource);
      break;
    case 'home':
      await describe(homeHref(userId), resource);
      if (depth !== '0') await describe(bookHref(userId), { kind: 'book' });
      break;
    case 'book':
      await describe(bookHref(userId), resource);
      if (depth !== '0') describeCards(await listCards(ctx.db, accountId));
      break;
    case 'card': {
      const card = await findCard(ctx.db, accountId, resource.name);
      if (!card) throw notFound();
      describeCards([card]);
      break;
    }
  }
  return multistatus(reply, responses);
}

/** Card responses with the props asked; address-data rendered in the version asked. */
async function cardResponses(ctx: AppContext, caller: Caller, cards: CardRef[], props: QName[], addressData: Element | undefined): Promise<XNode[]> {
  const wantsData = props.some((p) => keyOf(p) === keyOf(qname(NS.card, 'address-data')));
  const version = versionAsked(addressData?.getAttribute('version') ?? null);
  const texts = wantsData ? await renderCards(ctx.db, caller.auth.accountId, caller.auth.userId, cards.map((c) => c.contactId), version) : new Map<string, string>();
  return cards.map((card) => {
    const { found, missing } = cardProps(card, props, wantsData ? texts.get(card.contactId) : undefined);
    return propResponse(cardHref(caller.auth.userId, card.name), found, missing);
  });
}

const gone = (target: string) => d('response', [href(target), status(404)]);

/** A card's values of one property (all its components as text), read by the vCard parser. */
function propertyValues(card: string, name: string): string[] {
  const text = (value: unknown): string => (Array.isArray(value) ? value.map(text).join(' ') : value == null ? '' : String(value));
  return parseCard(card)
    .filter((p) => p[0].toLowerCase() === name.toLowerCase())
    .map((p) => text(p.slice(3)));
}

/** addressbook-query's filter (RFC 6352 §10.5), for the forms clients send: a text match on any property. */
function matchesFilter(filter: Element | undefined, card: string | undefined): boolean {
  if (!filter) return true;
  const propFilters = children(filter, NS.card, 'prop-filter');
  if (propFilters.length === 0 || card === undefined) return true;
  const test = (propFilter: Element) => {
    const values = propertyValues(card, propFilter.getAttribute('name') ?? '');
    if (child(propFilter, NS.card, 'is-not-defined')) return values.length === 0;
    const textMatches = children(propFilter, NS.card, 'text-match');
    if (textMatches.length === 0) return values.length > 0;
    return textMatches.every((tm) => {
      const wanted = textOf(tm).toLowerCase();
      const how = tm.getAttribute('match-type') ?? 'contains';
      const hit = values.some((v) => {
        const value = v.toLowerCase();
        return how === 'equals' ? value === wanted : how === 'starts-with' ? value.startsWith(wanted) : how === 'ends-with' ? value.endsWith(wanted) : value.includes(wanted);
      });
      return tm.getAttribute('negate-condition') === 'yes' ? !hit : hit;
    });
  };
  return filter.getAttribute('test') === 'allof' ? propFilters.every(test) : propFilters.some(test);
}

async function report(ctx: AppContext, caller: Caller, request: FastifyRequest, reply: FastifyReply, resource: Resource) {
  const root = parseXml(String(request.body ?? ''));
  if (!root) throw new HttpProblem(400, 'Bad Request', 'A REPORT needs a body.');
  const { userId, accountId } = caller.auth;
  const { props, addressData } = askedProps(root);
  const asked = props ?? ALLPROP_CARD;

  if (is(root, NS.card, 'addressbook-multiget')) {
    if (resource.kind !== 'book' && resource.kind !== 'card') throw notFound();
    const names = children(root, NS.dav, 'href').map((h) => ({ href: textOf(h), name: cardNameOfHref(textOf(h), userId) }));
    const found: CardRef[] = [];
    const responses: XNode[] = [];
    for (const wanted of names) {
      const card = wanted.name ? await findCard(ctx.db, accountId, wanted.name) : null;
      if (card) found.push(card);
      else responses.push(gone(wanted.href));
    }
    return multistatus(reply, [...(await cardResponses(ctx, caller, found, asked, addressData)), ...responses]);
  }

  if (resource.kind !== 'book') throw notFound();

  if (is(root, NS.card, 'addressbook-query')) {
    const filter = child(root, NS.card, 'filter');
    const limit = Number(textOf(child(child(root, NS.card, 'limit') ?? root, NS.card, 'nresults'))) || Infinity;
    let cards = await listCards(ctx.db, accountId);
    if (filter && children(filter, NS.card, 'prop-filter').length > 0) {
      const texts = await renderCards(ctx.db, accountId, userId, cards.map((c) => c.contactId), '4.0');
      cards = cards.filter((card) => matchesFilter(filter, texts.get(card.contactId)));
    }
    return multistatus(reply, await cardResponses(ctx, caller, cards.slice(0, limit), asked, addressData));
  }

  if (is(root, NS.dav, 'sync-collection')) {
    const text = textOf(child(root, NS.dav, 'sync-token'));
    const since = text ? parseToken(text) : null;
    const invalid = () =>
      // RFC 6578 §3.2: a token the server does not know is refused with DAV:valid-sync-token.
      reply.code(403).type('application/xml; charset=utf-8').send(serialize(d('error', [d('valid-sync-token')])));
    if (text && !since) return invalid();
    const { token, changes } = await syncState(ctx.db, accountId, since);
    // A token from the future: another server's, or one from before a restore. The client starts over.
    if (since && since.seq > token.seq) return invalid();
    // Without a token: every card now, and no deletions (the client has nothing yet).
    const written = since ? await cardsByIds(ctx.db, accountId, [...new Set(changes.filter((c) => !c.deleted).map((c) => c.contactId))]) : await listCards(ctx.db, accountId);
    const deleted = changes.filter((c) => c.deleted).map((c) => gone(cardHref(userId, c.name)));
    return multistatus(reply, [...(await cardResponses(ctx, caller, written, asked, addressData)), ...deleted], [d('sync-token', formatToken(token))]);
  }

  throw new HttpProblem(403, 'Forbidden', 'This report is not supported here.');
}

/** If-Match / If-None-Match against the card's current ETag (RFC 7232): false → 412. */
function preconditionsHold(request: FastifyRequest, card: Pick<CardRef, 'etag'> | null): boolean {
  const ifMatch = request.headers['if-match'];
  const ifNoneMatch = request.headers['if-none-match'];
  const listed = (header: string) => header.split(',').map((t) => t.trim());
  if (ifMatch !== undefined) {
    if (!card) return false;
    if (ifMatch.trim() !== '*' && !listed(ifMatch).includes(card.etag)) return false;
  }
  if (ifNoneMatch !== undefined && card) {
    if (ifNoneMatch.trim() === '*' || listed(ifNoneMatch).includes(card.etag)) return false;
  }
  return true;
}

/** PostgreSQL's unique_violation, wherever the driver wraps it. */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === '23505') return true;
  }
  return false;
}

const preconditionFailed = () => new HttpProblem(412, 'Precondition Failed', 'The card changed since you read it: sync again.');

async function handle(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const auth = authOf(request);
  const path = (request.params as { '*': string })['*'] ?? '';
  const resource = resourceOf(path, auth.userId);
  reply.header('DAV', '1, 3, addressbook');
  if (!resource) throw notFound();
  const [user] = await ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, auth.userId));
  const caller: Caller = { auth, displayName: user?.name || user?.email || 'Círculo', book: null };

  switch (request.method) {
    case 'OPTIONS':
      return reply.header('Allow', ALLOW).code(200).send('');
    case 'PROPFIND':
      return propfind(ctx, caller, request, reply, resource);
    case 'REPORT':
      return report(ctx, caller, request, reply, resource);
    case 'PROPPATCH': {
      // Nothing of the book is the phone's to rename: every property is refused, as RFC 4918 allows.
      const root = parseXml(String(request.body ?? ''));
      const names = root ? childElements(root).flatMap((set) => childElements(set).flatMap((p) => childElements(p).map(nameOf))) : [];
      const target = resource.kind === 'card' ? cardHref(auth.userId, resource.name) : request.url.split('?')[0]!;
      return multistatus(reply, [d('response', [href(target), d('propstat', [d('prop', names.map((q) => x(q.ns, q.name))), status(403)])])]);
    }
  }

  if (resource.kind !== 'card') {
    if (request.method === 'GET' || request.method === 'HEAD') return reply.type('text/plain; charset=utf-8').send('Círculo CardDAV: add this server to your phone’s contacts.');
    throw new HttpProblem(405, 'Method Not Allowed', `${request.method} is not allowed on a collection.`, undefined, { allow: ALLOW });
  }
  const { accountId } = auth;
  const card = await findCard(ctx.db, accountId, resource.name);

  if (request.method === 'GET' || request.method === 'HEAD') {
    if (!card) throw notFound();
    const text = (await renderCards(ctx.db, accountId, auth.userId, [card.contactId], versionAsked(request.headers.accept))).get(card.contactId)!;
    return reply.header('ETag', card.etag).type('text/vcard; charset=utf-8').send(text);
  }
  if (!preconditionsHold(request, card)) throw preconditionFailed();
  if (request.method === 'DELETE') {
    if (!card) throw notFound();
    await deleteContact(ctx.db, accountId, card.contactId, ctx.now());
    return reply.code(204).send();
  }
  // PUT
  const body = String(request.body ?? '');
  if (card) {
    // Checked again under a row lock: an edit that came in meanwhile makes this one a 412 too.
    if (!(await updateFromCard(ctx.db, accountId, card.contactId, body, ctx.now(), (etag) => preconditionsHold(request, { etag })))) throw preconditionFailed();
    const after = await findCard(ctx.db, accountId, resource.name);
    return reply.code(204).header('ETag', after!.etag).send();
  }
  let id: string;
  try {
    id = await createFromCard(ctx.db, accountId, resource.name, body, ctx.now());
  } catch (error) {
    // Two creates of the same name at once: the second finds the name taken (unique index).
    if (isUniqueViolation(error)) throw preconditionFailed();
    throw error;
  }
  const [created] = await cardsByIds(ctx.db, accountId, [id]);
  return reply.code(201).header('ETag', created!.etag).header('Location', cardHref(auth.userId, created!.name)).send();
}

/** Fastify learns WebDAV's methods before any route is registered (buildApp calls this first). */
export function addDavMethods(app: App) {
  for (const method of ['PROPFIND', 'PROPPATCH', 'REPORT']) app.addHttpMethod(method, { hasBody: true });
}

export function davRoutes(app: App, ctx: AppContext) {
  app.get('/api/dav/connection', {
    schema: {
      tags: ['dav'],
      summary: 'What to type on a phone to sync its contacts with Círculo (CardDAV): the server address, if configured, and the user name',
      description: 'The password is an app password: create an API token (POST /api/tokens) named for the phone.',
      response: { 200: DavConnection },
    },
    handler: async (request) => {
      const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, authOf(request).userId));
      return { serverUrl: ctx.publicUrl ?? null, path: DAV_ROOT, username: user!.email };
    },
  });

  // The tree, in a scope of its own: its bodies are XML or vCard text, read as text.
  app.register(async (dav) => {
    dav.removeAllContentTypeParsers();
    dav.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    // RFC 6764: a client given only the server's address asks here first. Public: a redirect to
    // the tree, which then asks for credentials; it reveals nothing.
    dav.route({
      method: ['GET', 'PROPFIND'],
      url: '/.well-known/carddav',
      config: { public: true },
      schema: { hide: true },
      handler: async (_request, reply) => reply.redirect(DAV_ROOT, 301),
    });

    dav.route({
      method: [...METHODS],
      url: `${DAV_ROOT}*`,
      // Retries are made safe by ETags (If-Match), not by Idempotency-Key.
      config: { dav: true, idempotency: false },
      schema: { hide: true },
      handler: (request, reply) => handle(ctx, request, reply),
    });
  });
}
