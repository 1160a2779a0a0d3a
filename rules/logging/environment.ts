/**
 * What the logging family knows about the project around the linted file: log correlation set up
 * anywhere, the NestJS application logger, nestjs-pino's module options and pino-http middleware. With
 * type information it looks across the program (one text search, then only the matching modules are
 * parsed, once per program); without it, only at the linted file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { nestjsPino } from '../../knowledge/logging/nestjs.js';
import { pinoHttp } from '../../knowledge/logging/pino-http.js';
import { findImportPath, isImportOf } from '../ast/find-import-path.js';
import { findProgramFiles, getProgram } from '../ast/find-program-files.js';
import { findProperty } from '../ast/find-property.js';
import { getModuleContext } from '../ast/module-context.js';
import { quotedNamesPattern } from '../ast/quoted-names.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import { findApplicationSetup, findPinoHttpOptions, findPinoModuleCalls, resolveApplicationLogger } from './detectors/nestjs.js';
import { readPinoHttpRootFields, readRequestLoggerFields } from './detectors/pino.js';
import type { AnyContext } from './detectors/types.js';
import { unionFields } from './fields.js';
import { isSamePosition, type LoggerFinder, type LoggingEnvironment } from './find-logger.js';
import { findLogCorrelation } from './log-correlation.js';
import type { Logger } from './model.js';

const NEST_FACTORY_TEXT = /\bNestFactory\b/;
const NESTJS_PINO_TEXT = new RegExp(quotedNamesPattern(nestjsPino.packages));
/** A module that may make a request logger names one of these packages in quotes. */
const PINO_HTTP_TEXT = new RegExp(quotedNamesPattern([...pinoHttp.packages, ...nestjsPino.packages]));

interface ProgramLoggers {
  application?: Logger | null;
  nestjsPino?: Logger | null;
  request?: Logger | null;
}

const byProgram = new WeakMap<object, Map<string, ProgramLoggers>>();
const requestLoggersByFile = new WeakMap<TSESTree.Program, { readonly logger: Logger | null | undefined }>();

export function createLoggingEnvironment(context: AnyContext, traceHeaders: readonly string[]): LoggingEnvironment {
  const program = getProgram(context);
  let programLoggers: ProgramLoggers = {};
  if (program) {
    let byHeaders = byProgram.get(program);
    if (!byHeaders) byProgram.set(program, (byHeaders = new Map()));
    const key = traceHeaders.join('\n');
    programLoggers = byHeaders.get(key) ?? {};
    byHeaders.set(key, programLoggers);
  }
  const modulesMatching = (pattern: RegExp): AnyContext[] => {
    const files = findProgramFiles(context, pattern);
    if (!files) return pattern.test(context.sourceCode.text) ? [context] : [];
    return files.map((file) => getModuleContext(context, file)).filter((found): found is AnyContext => found !== undefined);
  };

  const environment: LoggingEnvironment = {
    withCorrelation(logger) {
      const correlation = findLogCorrelation(context, logger.library);
      if (!correlation) return logger;
      return { ...logger, fields: unionFields(logger.fields, { names: correlation.fields, open: false }), suppliedBy: correlation.name };
    },
    findNestjsPinoLogger(finder) {
      if (programLoggers.nestjsPino === undefined || !program) {
        const calls = findPinoModuleCalls(modulesMatching(NESTJS_PINO_TEXT));
        const [call] = calls;
        const options = calls.length === 1 ? findPinoHttpOptions(call!.context, call!.node) : undefined;
        const logger = options ? createRequestLogger(finder, options.context, call!.node, options.found, 'nestjs-pino', traceHeaders) : undefined;
        if (!program) return logger;
        programLoggers.nestjsPino = logger ?? null;
      }
      return programLoggers.nestjsPino ?? undefined;
    },
    findApplicationLogger(finder) {
      if (!program) return undefined;
      if (programLoggers.application === undefined) {
        const setup = findApplicationSetup(modulesMatching(NEST_FACTORY_TEXT));
        programLoggers.application = resolveApplicationLogger(finder, setup, () => environment.findNestjsPinoLogger(finder, context)) ?? null;
      }
      return programLoggers.application ?? undefined;
    },
    findRequestLogger(finder, requestContext) {
      const local = findLocalRequestLogger(finder, requestContext, traceHeaders);
      if (local !== undefined || !program) return local ?? undefined;
      if (programLoggers.request === undefined) {
        const loggers = modulesMatching(PINO_HTTP_TEXT).map((module) => findLocalRequestLogger(finder, module, traceHeaders));
        const [first] = loggers;
        const agree = first && loggers.every((logger) => logger && isSamePosition(logger.root.madeAt, first.root.madeAt));
        programLoggers.request = agree ? first : null;
      }
      return programLoggers.request ?? undefined;
    },
  };
  return environment;
}

/**
 * The request logger of the pino-http middleware (or nestjs-pino module) made in this module: undefined
 * when there is none here, null when there are several or it cannot be read.
 */
function findLocalRequestLogger(finder: LoggerFinder, context: AnyContext, traceHeaders: readonly string[]): Logger | null | undefined {
  const ast = context.sourceCode.ast;
  const cached = requestLoggersByFile.get(ast);
  if (cached) return cached.logger;
  let result: Logger | null | undefined;
  if (PINO_HTTP_TEXT.test(context.sourceCode.text)) {
    const made: Logger[] = [];
    let unreadable = false;
    walkDescendants(context, ast, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const path = findImportPath(context, node.callee);
      if (!path) return;
      if (pinoHttp.factories.some((factory) => isImportOf(path, pinoHttp.packages, factory.paths))) {
        const options = node.arguments[0];
        const logger = options?.type === AST_NODE_TYPES.SpreadElement ? undefined : createRequestLogger(finder, context, node, options, 'pino-http', traceHeaders);
        if (logger) made.push(logger);
        else unreadable = true;
      }
    });
    const modules = findPinoModuleCalls([context]);
    for (const call of modules) {
      const options = findPinoHttpOptions(call.context, call.node);
      const logger = options && createRequestLogger(finder, options.context, call.node, options.found, 'nestjs-pino', traceHeaders);
      if (logger) made.push(logger);
      else unreadable = true;
    }
    result = unreadable || made.length > 1 ? null : made[0];
  }
  requestLoggersByFile.set(ast, { logger: result });
  return result;
}

/** pino-http's request logger: the parent logger (its `logger` option, or a pino made from its options) plus the request bindings. */
function createRequestLogger(
  finder: LoggerFinder,
  context: AnyContext,
  creation: TSESTree.Node,
  options: TSESTree.Node | undefined,
  library: 'pino-http' | 'nestjs-pino',
  traceHeaders: readonly string[],
): Logger | undefined {
  const given = options ? findProperty(context, options, 'logger') : ({ kind: 'absent' } as const);
  if (given.kind === 'unknown' || (given.kind === 'found' && !given.node)) return undefined;
  const parent = given.kind === 'found' ? finder.find(context, given.node!) : undefined;
  if (given.kind === 'found' && !parent) return undefined;
  const request = readRequestLoggerFields(context, options, traceHeaders);
  const base = parent ? parent.fields : readPinoHttpRootFields(context, options);
  const logger = finder.createRoot(context, creation, library, unionFields(base, request.fields));
  return {
    ...logger,
    name: 'req.log',
    ...(parent?.suppliedBy && !logger.suppliedBy ? { suppliedBy: parent.suppliedBy } : {}),
    ...(request.traceHeader ? { traceIdFrom: `req.id (from the ${request.traceHeader} header)` } : {}),
  };
}
