/**
 * @nestjs/axios: NestJS's `HttpService`, an injectable wrapper of one axios instance, and the `HttpModule`
 * that provides it. Which instance a provider's `HttpService` wraps depends on how its module imports
 * `HttpModule`: imported as is, it is axios's own default instance, whose `timeout` is 0 (none);
 * `HttpModule.register(config)` makes an instance from that axios config; `registerAsync({ useFactory })`
 * from the config its factory returns. Read from @nestjs/axios 12.0.1 as installed (dist/http.module.js,
 * dist/http.service.js, dist/interfaces/http-module.interface.d.ts).
 */
import type { HttpServiceSpec } from '../types.js';
import { axios } from './axios.js';

export const nestjsAxios = {
  name: '@nestjs/axios',
  packages: ['@nestjs/axios'],
  versionRead: '12.0.1',
  repository: 'https://github.com/nestjs/axios',
  /** The injectable client; its methods send through the axios instance it wraps. */
  serviceClass: 'HttpService',
  client: axios,
  /**
   * dist/http.service.js: each of these is `this.makeObservable(this.instance.<name>, …args)` with axios's own
   * arguments, so the config sits where axios's method takes it (lib/core/Axios.js). There is no `options`.
   */
  requestMethods: ['request', 'get', 'delete', 'head', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm', 'query'],
  /** dist/http.service.js `get axiosRef() { return this.instance; }`: the wrapped axios instance itself. */
  instanceProperty: 'axiosRef',
  module: {
    name: 'HttpModule',
    /** dist/http.module.js `register(config)`: `{ provide: AXIOS_INSTANCE_TOKEN, useValue: Axios.create(config) }`. */
    register: 'register',
    /**
     * dist/http.module.js `registerAsync(options)`: `useFactory: (config) => Axios.create(config)`, the config
     * being what `options.useFactory` returns, or `createHttpOptions()` of `useClass`/`useExisting`.
     */
    registerAsync: 'registerAsync',
    asyncFactoryOption: 'useFactory',
    asyncClassOptions: ['useClass', 'useExisting'],
  },
  /** How to bound a request, by where its service comes from (injected into a provider, a parameter, `new HttpService()`). */
  advice: {
    injected: 'set `timeout` in `HttpModule.register()` (or in the config its `registerAsync` factory returns), or in this request\'s config',
    parameter: 'set `timeout` where its module registers `HttpModule`, or in this request\'s config',
    constructed: 'pass `axios.create({ timeout })` to `new HttpService()`, or set `timeout` in this request\'s config',
  },
  /** The instance a plain `imports: [HttpModule]` gives its providers. */
  defaultInstance: {
    unit: 'object',
    default: 'axios default instance',
    meaning: 'HttpModule imported without register() provides AXIOS_INSTANCE_TOKEN as axios\'s default export, whose `timeout` is 0: no timeout.',
    source: '@nestjs/axios@12.0.1 dist/http.module.js (`@Module({ providers: [HttpService, { provide: AXIOS_INSTANCE_TOKEN, useValue: Axios }] })`)',
  },
} as const satisfies HttpServiceSpec;

/** Where NestJS declares a module's providers and imports (`@Module({ imports, providers })`). */
export const nestjsModuleMetadata = {
  packages: ['@nestjs/common'],
  decorator: 'Module',
  importsOption: 'imports',
  providersOption: 'providers',
  /** `{ provide: Token, useClass: Provider }`: the class made for the token. */
  providerClassOption: 'useClass',
  source: '@nestjs/common@11.2.12 interfaces/modules/module-metadata.interface.d.ts (`imports`, `providers`), interfaces/modules/provider.interface.d.ts (`ClassProvider.useClass`)',
} as const;
