/**
 * The logging family's one entry: the log calls of the linted file, each with the logger it writes through
 * (followed to where it is made) and the fields of its own record, and an inventory fact for every logger
 * made in the file. Found once per file and shared by the family's rules.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { consoleLogger } from '../../knowledge/logging/console.js';
import { LOGGER_LIBRARIES } from '../../knowledge/logging/index.js';
import { nestjsLogger } from '../../knowledge/logging/nestjs.js';
import { winstonDefaultLogger } from '../../knowledge/logging/winston.js';
import type { LoggerLibrarySpec } from '../../knowledge/logging/types.js';
import { getPolicy, type InventoryFact } from '../create-rule.js';
import { toDisplayPath } from '../ast/display-path.js';
import { findImportPath, isImportOf } from '../ast/find-import-path.js';
import { createCollector, isRecordingFacts, type Detected } from '../family/create-collector.js';
import type { FileIndex } from '../family/file-index.js';
import type { AnyContext } from './detectors/types.js';
import { createLoggingEnvironment } from './environment.js';
import { NO_FIELDS } from './fields.js';
import { getPosition, LoggerFinder } from './find-logger.js';
import type { LogCall, Logger } from './model.js';
import { getRecordFields } from './record-fields.js';

const SPECS: readonly LoggerLibrarySpec[] = [...LOGGER_LIBRARIES, consoleLogger];
const LOG_METHODS = new Set(SPECS.flatMap((spec) => spec.logMethods));
const MAKERS = /\b(?:pino|winston|bunyan|Logger|child|createLogger)\b/;

export const collectLogCalls = createCollector<LogCall>(detectLogging);

function detectLogging(context: AnyContext, index: FileIndex): Detected<LogCall> {
  const calls = index.nodesOfType(AST_NODE_TYPES.CallExpression);
  const candidates = calls.filter((call) => getLogMethod(call) !== undefined);
  const text = context.sourceCode.text;
  // Without a candidate there is no log call to judge: the loggers the file makes matter only to the inventory.
  if (candidates.length === 0 && (!isRecordingFacts(context) || !MAKERS.test(text))) return { models: [] };
  const finder = new LoggerFinder(createLoggingEnvironment(context, getPolicy(context).tracing.headers));
  const models: LogCall[] = [];
  for (const call of candidates) {
    const found = describeCall(context, finder, call);
    if (found) models.push(found);
  }
  return { models, facts: () => (MAKERS.test(text) ? findMadeLoggers(context, finder, index) : []) };
}

function describeCall(context: AnyContext, finder: LoggerFinder, call: TSESTree.CallExpression): LogCall | undefined {
  const method = getLogMethod(call)!;
  const receiverNode = (call.callee as TSESTree.MemberExpression).object;
  const receiver = context.sourceCode.getText(receiverNode);
  if (isGlobalConsole(context, receiverNode)) {
    return (consoleLogger.logMethods as readonly string[]).includes(method) ? { node: call, method, receiver, logger: undefined, record: NO_FIELDS, atModuleScope: isAtModuleScope(call) } : undefined;
  }
  const logger = findLibraryLogger(context, finder, receiverNode) ?? finder.find(context, receiverNode);
  const spec = logger && SPECS.find((candidate) => candidate.name === logger.library);
  if (!logger || !spec?.logMethods.includes(method)) return undefined;
  return { node: call, method, receiver, logger, record: getRecordFields(context, call, spec.recordShape, method), atModuleScope: isAtModuleScope(call) };
}

/** Loggers that are a library's own: winston's default logger (`winston.info`), NestJS's static `Logger.log`. */
function findLibraryLogger(context: AnyContext, finder: LoggerFinder, receiver: TSESTree.Node): Logger | undefined {
  const path = findImportPath(context, receiver);
  if (!path) return undefined;
  if (isImportOf(path, ['winston'], winstonDefaultLogger.paths)) {
    const logger = finder.createRoot(context, findImportNode(context, receiver) ?? receiver, 'winston', NO_FIELDS);
    const name = context.sourceCode.getText(receiver);
    return { ...logger, name, root: { ...logger.root, name } };
  }
  if (isImportOf(path, nestjsLogger.packages, [['Logger']])) {
    const application = finder.environment.findApplicationLogger(finder, context);
    return application && { ...application, library: 'nestjs', name: 'Logger', madeAt: getPosition(context, receiver) };
  }
  return undefined;
}

/** Every logger made in this file (factories, children, NestJS loggers, pino-http request loggers) with its bound fields. */
function findMadeLoggers(context: AnyContext, finder: LoggerFinder, index: FileIndex): Array<{ node: TSESTree.Node; fact: InventoryFact }> {
  const facts: Array<{ node: TSESTree.Node; fact: InventoryFact }> = [];
  const made = [...index.nodesOfType(AST_NODE_TYPES.CallExpression), ...index.nodesOfType(AST_NODE_TYPES.NewExpression)].sort((left, right) => left.range[0] - right.range[0]);
  for (const node of made) {
    const creation = finder.findCreation(context, node);
    const isChild = !creation && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.property.type === AST_NODE_TYPES.Identifier && node.callee.property.name === 'child';
    if (!creation && !isChild) continue;
    const logger = creation?.spec.makesRequestLoggers ? finder.environment.findRequestLogger(finder, context) : finder.find(context, node);
    if (isChild && !logger) continue;
    facts.push({ node, fact: describeLoggerFact(context, logger, creation?.spec.name ?? logger!.library) });
  }
  return facts;
}

function describeLoggerFact(context: AnyContext, logger: Logger | undefined, library: string): InventoryFact {
  if (!logger) return { kind: 'logger', library, properties: { name: null, fields: null, mayAddFields: null, fieldsFrom: null, root: null } };
  const isRoot = logger.root.madeAt.file === logger.madeAt.file && logger.root.madeAt.line === logger.madeAt.line;
  return {
    kind: 'logger',
    library: logger.library,
    properties: {
      name: logger.name,
      fields: logger.fields.names.join(', '),
      mayAddFields: logger.fields.open,
      fieldsFrom: logger.suppliedBy ?? logger.traceIdFrom ?? null,
      root: isRoot ? null : `${toDisplayPath(context, logger.root.madeAt.file)}:${logger.root.madeAt.line}`,
    },
  };
}

/** The import or require that brings a library object into the file. */
function findImportNode(context: AnyContext, node: TSESTree.Node): TSESTree.Node | undefined {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  return ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0]?.node;
}

function getLogMethod(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return LOG_METHODS.has(callee.property.name) ? callee.property.name : undefined;
}

function isAtModuleScope(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (current.type === AST_NODE_TYPES.StaticBlock || current.type === AST_NODE_TYPES.PropertyDefinition) return false;
  }
  return true;
}

function isGlobalConsole(context: AnyContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== consoleLogger.global) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  return !variable || variable.defs.length === 0;
}
