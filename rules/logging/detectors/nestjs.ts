/**
 * NestJS: the application logger every `Logger` writes through, found across the program. `NestFactory.create`
 * with no `logger` option and no `app.useLogger()` keeps `ConsoleLogger` (text lines with no trace or service
 * field); `app.useLogger(app.get(Logger))` with nestjs-pino's `Logger` writes through the pino-http request
 * logger configured by `LoggerModule.forRoot({ pinoHttp })` or `forRootAsync({ useFactory })`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { nestjsApplicationLogger, nestjsPino, nestjsPinoModule } from '../../../knowledge/logging/nestjs.js';
import { findFunction, listReturnedExpressions } from '../../ast/find-function.js';
import { findImportPath, isImportOf } from '../../ast/find-import-path.js';
import { findConstInitializer, findProperty } from '../../ast/find-property.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import { NO_FIELDS } from '../fields.js';
import { getPosition, isSamePosition, type LoggerFinder } from '../find-logger.js';
import type { Logger } from '../model.js';
import type { AnyContext } from './types.js';

const NEST_CORE = [nestjsApplicationLogger.factory.package];
const NEST_FACTORIES = ['create', 'createMicroservice', 'createApplicationContext'].map((method) => [nestjsApplicationLogger.factory.path[0], method]);
const CONTAINER_LOOKUPS = new Set(['get', 'resolve']);

export interface ApplicationSetup {
  readonly factories: ReadonlyArray<{ readonly context: AnyContext; readonly node: TSESTree.CallExpression }>;
  /** `logger` options of the factories and arguments of `useLogger()`. */
  readonly loggers: ReadonlyArray<{ readonly context: AnyContext; readonly node: TSESTree.Node }>;
}

/** Where the application is made and which loggers it is given, in the modules listed. */
export function findApplicationSetup(modules: readonly AnyContext[]): ApplicationSetup {
  const factories: Array<ApplicationSetup['factories'][number]> = [];
  const loggers: Array<ApplicationSetup['loggers'][number]> = [];
  for (const context of modules) {
    walkDescendants(context, context.sourceCode.ast, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = unwrapExpression(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === nestjsApplicationLogger.useLoggerMethod) {
        if (node.arguments[0]) loggers.push({ context, node: node.arguments[0] });
        return;
      }
      if (!isImportOf(findImportPath(context, callee), NEST_CORE, NEST_FACTORIES)) return;
      factories.push({ context, node });
      const options = node.arguments[1];
      const lookup = options ? findProperty(context, options, nestjsApplicationLogger.factoryOption) : undefined;
      if (lookup?.kind === 'found' && lookup.node) loggers.push({ context, node: lookup.node });
    });
  }
  return { factories, loggers };
}

/**
 * The logger `Logger` writes through: ConsoleLogger when the application is made and given none, the one
 * logger it is given otherwise; undefined when no application is in view, when it logs nothing, or when
 * what it is given cannot be followed.
 */
export function resolveApplicationLogger(finder: LoggerFinder, setup: ApplicationSetup, findPinoLogger: () => Logger | undefined): Logger | undefined {
  const [factory] = setup.factories;
  if (!factory) return undefined;
  if (setup.loggers.length === 0) return createConsoleLogger(factory.context, factory.node);
  let result: Logger | undefined;
  for (const given of setup.loggers) {
    const logger = resolveGivenLogger(finder, given.context, given.node, findPinoLogger);
    if (!logger || (result && !isSamePosition(result.root.madeAt, logger.root.madeAt))) return undefined;
    result = logger;
  }
  return result;
}

function resolveGivenLogger(finder: LoggerFinder, context: AnyContext, node: TSESTree.Node, findPinoLogger: () => Logger | undefined, depth = 0): Logger | undefined {
  const expression = unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  // `const logger = app.get(Logger); app.useLogger(logger);`
  const initializer = expression.type === AST_NODE_TYPES.Identifier && depth < 3 ? findConstInitializer(context, expression) : undefined;
  if (initializer) return resolveGivenLogger(finder, context, initializer, findPinoLogger, depth + 1);
  // `logger: ['error', 'warn']` keeps ConsoleLogger at those levels; `logger: false` writes nothing.
  if (expression.type === AST_NODE_TYPES.ArrayExpression) return createConsoleLogger(context, expression);
  if (expression.type === AST_NODE_TYPES.Literal) return undefined;
  const created = expression.type === AST_NODE_TYPES.NewExpression ? expression.callee : getContainerLookup(expression);
  if (created) {
    const path = findImportPath(context, created);
    if (isImportOf(path, nestjsPino.packages, nestjsPino.factories[0]!.paths)) return findPinoLogger();
    if (isImportOf(path, ['@nestjs/common'], [[nestjsApplicationLogger.defaultClass]])) return createConsoleLogger(context, expression);
  }
  return finder.find(context, expression.type === AST_NODE_TYPES.NewExpression ? expression : (created ?? expression));
}

/** `app.get(Logger)` / `app.resolve(Logger)` → `Logger`. */
function getContainerLookup(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = node.callee.property;
  return property.type === AST_NODE_TYPES.Identifier && CONTAINER_LOOKUPS.has(property.name) ? node.arguments[0] : undefined;
}

function createConsoleLogger(context: AnyContext, node: TSESTree.Node): Logger {
  const madeAt = getPosition(context, node);
  const name = nestjsApplicationLogger.defaultClass;
  return { library: 'nestjs', name, madeAt, root: { name, madeAt, library: 'nestjs' }, fields: NO_FIELDS };
}

/** nestjs-pino's `LoggerModule.forRoot(params)` / `forRootAsync({ useFactory })` calls in the modules listed. */
export function findPinoModuleCalls(modules: readonly AnyContext[]): Array<{ context: AnyContext; node: TSESTree.CallExpression }> {
  const calls: Array<{ context: AnyContext; node: TSESTree.CallExpression }> = [];
  const paths = nestjsPinoModule.methods.map((method) => [nestjsPinoModule.module, method]);
  for (const context of modules) {
    walkDescendants(context, context.sourceCode.ast, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression && isImportOf(findImportPath(context, node.callee), nestjsPino.packages, paths)) calls.push({ context, node });
    });
  }
  return calls;
}

/**
 * The pino-http options a LoggerModule call configures: `{ found: undefined }` when it gives none (pino-http's
 * defaults), undefined when they cannot be read.
 */
export function findPinoHttpOptions(context: AnyContext, call: TSESTree.CallExpression): { context: AnyContext; found: TSESTree.Node | undefined } | undefined {
  const [params] = call.arguments;
  if (!params) return { context, found: undefined };
  const isAsync = call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.property.type === AST_NODE_TYPES.Identifier && call.callee.property.name === 'forRootAsync';
  let scope = context;
  let object: TSESTree.Node | undefined = params;
  if (isAsync) {
    const factory = findProperty(context, params, nestjsPinoModule.asyncFactoryOption);
    const fn = factory.kind === 'found' && factory.node ? findFunction(context, factory.node) : undefined;
    const returned = fn ? listReturnedExpressions(fn.context, fn.node) : [];
    if (!fn || returned.length !== 1) return undefined;
    scope = fn.context;
    object = returned[0];
  }
  const lookup = findProperty(scope, object!, nestjsPinoModule.pinoHttpOption);
  if (lookup.kind === 'unknown' || (lookup.kind === 'found' && !lookup.node)) return undefined;
  if (lookup.kind === 'absent') return { context: scope, found: undefined };
  const value = unwrapExpression(lookup.node!);
  return { context: scope, found: value.type === AST_NODE_TYPES.ArrayExpression ? (value.elements[0] ?? undefined) : value };
}
