/**
 * The HTTP family's one entry: the requests the linted file sends and the clients it makes (model.ts),
 * found once per file and shared by the HTTP rules, the idempotency rule and the hand-written retry reader.
 * Each client and request is one inventory fact with its timeout, read under the default settings (a
 * library's own default timeout counts).
 */
import { nestjsAxios } from '../../knowledge/http/nestjs-axios.js';

import { getTypeServices } from '../ast/get-type-services.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { escapeRegExp, quotedNamesPattern } from '../ast/quoted-names.js';
import type { LocatedFacts } from '../family/create-collector.js';
import { createFileCollector } from '../family/create-collector.js';
import { getFileIndex } from '../family/file-index.js';
import { findHttpUsage } from './find-http-usage.js';
import { HTTP_LIBRARIES } from './http-libraries.js';
import { getServiceRequestTimeout } from './nest-http-module.js';
import type { HttpUsage } from './model.js';
import { describeTimeout, TimeoutResolver, type TimeoutSettings } from './request-timeout.js';

const DEFAULT_SETTINGS: TimeoutSettings = { allowDefaultTimeout: true };

const NO_USAGE: HttpUsage = { requests: [], serviceRequests: [], instances: [], libraryUses: new Map() };

export const collectHttpUsage = createFileCollector<HttpUsage>((context, index) => {
  // Cheap check first: without types, a file that names no HTTP package in quotes (an import or a require)
  // and no global client uses none.
  if (getTypeServices(context) === undefined && !mayNameHttpLibrary(context.sourceCode.text)) return { found: NO_USAGE };
  const usage = findHttpUsage(context, index);
  return { found: usage, facts: () => describeClients(context, usage) };
});

const PACKAGE_NAMES = [...new Set([...HTTP_LIBRARIES.flatMap((library) => library.spec.packages), ...nestjsAxios.packages])];
const GLOBAL_NAMES = [...new Set(HTTP_LIBRARIES.flatMap((library) => library.spec.globals ?? []))];
/** The HTTP packages and global clients, for cheap checks of other modules' text. */
export const HTTP_PACKAGE_NAMES: ReadonlySet<string> = new Set(PACKAGE_NAMES);
export const HTTP_GLOBAL_NAMES: readonly string[] = GLOBAL_NAMES;
/** One scan of the text: a package name between quotes, or a global client's name. */
const NAMES_HTTP_LIBRARY = new RegExp([quotedNamesPattern(PACKAGE_NAMES), ...GLOBAL_NAMES.map(escapeRegExp)].join('|'));

/** Whether a module's text may use an HTTP client: a package name between quotes, or a global client's name. */
export function mayNameHttpLibrary(text: string): boolean {
  return NAMES_HTTP_LIBRARY.test(text);
}

const moduleUsages = new WeakMap<object, HttpUsage>();

/**
 * The HTTP usage of another module of the program, read through its own context (module-context.ts), as the
 * collector finds it for a linted file but without recording inventory facts: that module records its own
 * when it is linted.
 */
export function collectModuleHttpUsage(context: AnyRuleContext): HttpUsage {
  const program = context.sourceCode.ast;
  let usage = moduleUsages.get(program);
  if (!usage) {
    usage = mayNameHttpLibrary(context.sourceCode.text) ? findHttpUsage(context, getFileIndex(context.sourceCode)) : NO_USAGE;
    moduleUsages.set(program, usage);
  }
  return usage;
}

const resolvers = new WeakMap<HttpUsage, Map<boolean, TimeoutResolver>>();

/** The timeouts of a file's requests and clients under the given settings, resolved once per file and setting. */
export function getTimeoutResolver(context: AnyRuleContext, usage: HttpUsage, settings: TimeoutSettings = DEFAULT_SETTINGS): TimeoutResolver {
  let bySetting = resolvers.get(usage);
  if (!bySetting) resolvers.set(usage, (bySetting = new Map()));
  let resolver = bySetting.get(settings.allowDefaultTimeout);
  if (!resolver) bySetting.set(settings.allowDefaultTimeout, (resolver = new TimeoutResolver(context, usage, settings)));
  return resolver;
}

function describeClients(context: AnyRuleContext, usage: HttpUsage): LocatedFacts {
  const timeouts = getTimeoutResolver(context, usage);
  return [
    ...usage.instances.map((instance) => ({
      node: instance.node,
      fact: { kind: 'http-client' as const, library: instance.library.name, properties: { timeout: describeTimeout(timeouts.getInstanceTimeout(instance)) } },
    })),
    ...usage.requests.map((request) => ({
      node: request.node,
      fact: { kind: 'http-client' as const, library: request.library.name, properties: { timeout: describeTimeout(timeouts.getRequestTimeout(request).state) } },
    })),
    ...usage.serviceRequests.map((request) => ({
      node: request.node,
      fact: { kind: 'http-client' as const, library: request.library.name, properties: { timeout: describeTimeout(getServiceRequestTimeout(context, request, timeouts).state) } },
    })),
  ];
}
