/**
 * Web frameworks: how an app or router is made, which of its methods take request handlers, and where a
 * handler reads the headers of the request it is handling (where the caller's trace context arrives).
 * Read from express 5.3.0, fastify 4.29.1, koa 3.3.0 and @nestjs/common 11.2.12 as installed.
 */
import type { RequestFrameworkSpec } from './types.js';

/** HTTP methods an express router or a fastify instance registers handlers for (lower case), plus `all`. */
const ROUTE_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all'];

export const express = {
  name: 'express',
  packages: ['express'],
  versionRead: '5.3.0',
  repository: 'https://github.com/expressjs/express',
  // lib/express.js: `exports = module.exports = createApplication`, `exports.Router = Router`.
  appFactories: { default: { construct: false, isServer: true }, Router: { construct: false, isServer: false } },
  // lib/application.js: `methods.forEach(function (method) { app[method] = … })` over lib/utils.js
  // `exports.methods = METHODS.map((method) => method.toLowerCase())`, plus `app.all` and `app.use`.
  routeMethods: [...ROUTE_VERBS, 'use', 'route'],
  routesBy: 'method-call',
  handlerParameters: [['req', 'request'], ['res', 'response'], ['next']],
  handlerMayTakeIncomingAlone: false,
  incomingParameter: 0,
  headerPaths: [['headers']],
  // lib/request.js: `req.get = req.header = function header(name)`.
  headerGetters: ['get', 'header'],
  source: 'express@5.3.0 lib/express.js, lib/application.js, lib/request.js',
} as const satisfies RequestFrameworkSpec;

export const fastify = {
  name: 'fastify',
  packages: ['fastify'],
  versionRead: '4.29.1',
  repository: 'https://github.com/fastify/fastify',
  // fastify.js: `module.exports = fastify`, `module.exports.fastify = fastify`, `module.exports.default = fastify`.
  appFactories: { default: { construct: false, isServer: true }, fastify: { construct: false, isServer: true } },
  // fastify.js: shorthand `get`, `head`, `post`, `put`, `delete`, `options`, `patch`, `all`, and `route({ handler })`.
  routeMethods: [...ROUTE_VERBS, 'route'],
  routesBy: 'method-call',
  handlerParameters: [['request', 'req'], ['reply', 'res']],
  handlerMayTakeIncomingAlone: false,
  incomingParameter: 0,
  // lib/request.js: `headers` getter returns `this.raw.headers` merged with `additionalHeaders`.
  headerPaths: [['headers'], ['raw', 'headers']],
  headerGetters: [],
  source: 'fastify@4.29.1 fastify.js, lib/route.js, lib/request.js',
} as const satisfies RequestFrameworkSpec;

export const koa = {
  name: 'koa',
  packages: ['koa'],
  routerPackages: ['@koa/router', 'koa-router'],
  versionRead: '3.3.0',
  repository: 'https://github.com/koajs/koa',
  // lib/application.js: `module.exports = class Application extends Emitter`; `use (fn)` takes `(ctx, next)`.
  appFactories: { default: { construct: true, isServer: true } },
  routeMethods: [...ROUTE_VERBS, 'use'],
  routesBy: 'method-call',
  handlerParameters: [['ctx', 'context'], ['next']],
  handlerMayTakeIncomingAlone: true,
  incomingParameter: 0,
  // lib/context.js delegates `headers`, `header` and `get` to the request; lib/request.js `get headers () { return this.req.headers }`.
  headerPaths: [['headers'], ['header'], ['request', 'headers'], ['request', 'header'], ['req', 'headers']],
  headerGetters: ['get'],
  source: 'koa@3.3.0 lib/application.js, lib/context.js, lib/request.js',
} as const satisfies RequestFrameworkSpec;

/**
 * NestJS: a method of a `@Controller()` class decorated with a request mapping is a request handler; an
 * interceptor's `intercept(context, next)` runs around one. Headers arrive through `@Headers()`, `@Req()`
 * (`req.headers`), or `context.switchToHttp().getRequest().headers` in an interceptor.
 */
export const nestjs = {
  name: 'nestjs',
  displayName: 'NestJS',
  packages: ['@nestjs/common', '@nestjs/core'],
  versionRead: '11.2.12',
  repository: 'https://github.com/nestjs/nest',
  // @nestjs/core: `NestFactory.create(AppModule)` makes the app.
  appFactories: { NestFactory: { construct: false, isServer: true, method: 'create' } },
  // decorators/http/request-mapping.decorator.js: `exports.Get = createMappingDecorator(RequestMethod.GET)`, …
  routeMethods: ['Get', 'Post', 'Put', 'Patch', 'Delete', 'Options', 'Head', 'All', 'Search'],
  routesBy: 'decorator',
  handlerParameters: [],
  handlerMayTakeIncomingAlone: false,
  incomingParameter: 0,
  headerPaths: [['headers']],
  headerGetters: ['get', 'header'],
  source: '@nestjs/common@11.2.12 decorators/http/request-mapping.decorator.js, decorators/http/route-params.decorator.js',
} as const satisfies RequestFrameworkSpec;

export const REQUEST_FRAMEWORKS: readonly RequestFrameworkSpec[] = [express, fastify, koa, nestjs];

/** NestJS parameter decorators that hand a handler the incoming request or its headers. */
export const nestParameterDecorators = {
  /** `@Headers()` (all headers) and `@Headers('traceparent')` (one). */
  headers: ['Headers'],
  /** `@Req()`/`@Request()`: the framework request, whose `headers` hold the incoming ones. */
  request: ['Req', 'Request'],
  source: '@nestjs/common@11.2.12 decorators/http/route-params.decorator.js (`exports.Headers`, `exports.Req = exports.Request`)',
} as const;

/** NestJS class decorators and the method a class of that role runs for every request. */
export const nestRoles = {
  controller: { decorator: 'Controller' },
  /** interfaces/features/nest-interceptor.interface.d.ts: `intercept(context: ExecutionContext, next: CallHandler)`. */
  interceptor: { method: 'intercept', interface: 'NestInterceptor' },
  /** interfaces/middleware/nest-middleware.interface.d.ts: `use(req, res, next)`. */
  middleware: { method: 'use', interface: 'NestMiddleware' },
  source: '@nestjs/common@11.2.12 interfaces/features/nest-interceptor.interface.d.ts, interfaces/middleware/nest-middleware.interface.d.ts',
} as const;
