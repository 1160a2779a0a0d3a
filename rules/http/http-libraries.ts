/**
 * The HTTP client libraries the HTTP rules understand, from the knowledge tables, and the ReferenceTracker
 * trace maps that find their default exports, named exports, CommonJS modules and globals.
 */
import { axios } from '../../knowledge/http/axios.js';
import { fetch, nodeFetch, undiciDispatchers, undiciRequest } from '../../knowledge/http/fetch.js';
import { got } from '../../knowledge/http/got.js';
import { ky } from '../../knowledge/http/ky.js';
import { nodeHttp, nodeHttpAgent } from '../../knowledge/http/node-http.js';
import { superagent } from '../../knowledge/http/superagent.js';
import type { HttpClientSpec } from '../../knowledge/types.js';
import { CALL, ESM, READ, type TraceMap, type TraceMapElement } from '../ast/library-references.js';

export type HttpLibraryName = 'axios' | 'fetch' | 'got' | 'ky' | 'node:http' | 'superagent' | 'undici';

/** An option that takes a connection pool whose constructor options bound each request (`agent`, `dispatcher`). */
export interface AgentOption {
  readonly option: string;
  readonly classes: readonly string[];
  readonly timeoutOption: string;
}

export interface HttpLibrary {
  readonly name: HttpLibraryName;
  readonly spec: HttpClientSpec;
  /** The default export (and, in CommonJS, the module) is itself a client: `axios`, `got`, `ky`, `superagent`. */
  readonly defaultIsClient: boolean;
  /** Named exports that are the library's client too (`import { got } from 'got'`). */
  readonly clientExports: readonly string[];
  /** Typed detection: names of the client types and the package whose declarations define them. */
  readonly clientTypes: readonly string[];
  readonly typesPackage?: string;
  /** `ky.create()` starts from the library defaults; `ky.extend()`, `got.extend()` inherit the parent's. */
  readonly inheritingFactories: readonly string[];
  readonly agent?: AgentOption;
}

export const HTTP_LIBRARIES: readonly HttpLibrary[] = [
  { name: 'axios', spec: axios, defaultIsClient: true, clientExports: [], clientTypes: ['AxiosInstance', 'AxiosStatic', 'Axios'], typesPackage: 'axios', inheritingFactories: ['create'] },
  { name: 'fetch', spec: fetch, defaultIsClient: false, clientExports: [], clientTypes: [], inheritingFactories: [], agent: undiciDispatchers },
  // node-fetch is fetch for the rules (same options, same resolved-on-any-status answers); its module is the function.
  { name: 'fetch', spec: nodeFetch, defaultIsClient: true, clientExports: [], clientTypes: [], inheritingFactories: [] },
  { name: 'got', spec: got, defaultIsClient: true, clientExports: ['got'], clientTypes: ['Got'], typesPackage: 'got', inheritingFactories: ['extend'] },
  { name: 'ky', spec: ky, defaultIsClient: true, clientExports: [], clientTypes: ['KyInstance'], typesPackage: 'ky', inheritingFactories: ['extend'] },
  { name: 'node:http', spec: nodeHttp, defaultIsClient: false, clientExports: [], clientTypes: [], inheritingFactories: [], agent: nodeHttpAgent },
  { name: 'undici', spec: undiciRequest, defaultIsClient: false, clientExports: [], clientTypes: [], inheritingFactories: [], agent: undiciDispatchers },
  { name: 'superagent', spec: superagent, defaultIsClient: true, clientExports: [], clientTypes: ['SuperAgentStatic'], typesPackage: '@types/superagent', inheritingFactories: ['agent'] },
];

/** What a trace map entry carries: the library and, for a named export, which export it is. */
export interface HttpReferenceInfo {
  readonly library: HttpLibrary;
  /** Set for a named export or global called directly (`create(…)`, `request(…)`, `fetch(…)`). */
  readonly member?: string;
}

/** Instance properties the rules read besides request functions and factories. */
const CLIENT_PROPERTIES = ['defaults', 'interceptors'];

/** Trace maps for findLibraryReferences: package name → exports, and globals. */
export function createHttpTraceMaps(libraries: readonly HttpLibrary[] = HTTP_LIBRARIES): {
  modules: TraceMap<HttpReferenceInfo>;
  globals: TraceMap<HttpReferenceInfo>;
} {
  const modules: TraceMap<HttpReferenceInfo> = {};
  const globals: TraceMap<HttpReferenceInfo> = {};
  for (const library of libraries) {
    const named: TraceMapElement<HttpReferenceInfo> = {};
    for (const name of [...Object.keys(library.spec.requestFunctions), ...Object.keys(library.spec.instanceFactories)]) {
      named[name] = { [CALL]: { library, member: name } };
    }
    const client = createClientMap(library);
    for (const name of library.clientExports) named[name] = client;
    // ESM: `default` is the client; CommonJS: the module itself is (`require('axios')(config)`, `.default` too).
    const moduleMap: TraceMapElement<HttpReferenceInfo> = library.defaultIsClient
      ? { ...client, ...named, default: client, [ESM]: true }
      : { ...named, default: named, [ESM]: true };
    // Several libraries may share a package (undici's `fetch` and `request`): their named exports merge.
    for (const name of library.spec.packages) modules[name] = mergeModuleMaps(modules[name], moduleMap);
    for (const name of library.spec.globals ?? []) globals[name] = { [CALL]: { library, member: name } };
  }
  return { modules, globals };
}

function mergeModuleMaps(existing: TraceMapElement<HttpReferenceInfo> | undefined, added: TraceMapElement<HttpReferenceInfo>): TraceMapElement<HttpReferenceInfo> {
  if (!existing) return added;
  const merged: TraceMapElement<HttpReferenceInfo> = { ...existing, ...added };
  const existingDefault = existing.default as TraceMapElement<HttpReferenceInfo> | undefined;
  const addedDefault = added.default as TraceMapElement<HttpReferenceInfo> | undefined;
  if (existingDefault && addedDefault) merged.default = { ...existingDefault, ...addedDefault };
  return merged;
}

/** The client itself: calling it, and reading the properties the rules classify afterwards. */
function createClientMap(library: HttpLibrary): TraceMapElement<HttpReferenceInfo> {
  const client: TraceMapElement<HttpReferenceInfo> = {};
  if (library.spec.call) client[CALL] = { library };
  const names = [
    ...Object.keys(library.spec.requestFunctions),
    ...Object.keys(library.spec.instanceFactories),
    ...library.spec.timeoutMethods,
    ...CLIENT_PROPERTIES,
  ];
  for (const name of names) client[name] = { [READ]: { library } };
  return client;
}
