/**
 * Follows the receiver of a log call to where its logger is made: through variables, `child()` chains,
 * class fields (initialised, assigned in the constructor, injected and typed), factory functions, object
 * properties and, with type information, imports from other modules. Returns undefined whenever the
 * logger cannot be followed to a library we model: an unknown logger is never reported.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { LOGGER_LIBRARIES } from '../../knowledge/logging/index.js';
import type { LoggerFactorySpec, LoggerLibraryName, LoggerLibrarySpec } from '../../knowledge/logging/types.js';
import { findDeclarationNode, toDeclarationNode } from '../ast/find-declaration-node.js';
import { findFunction, listReturnedExpressions } from '../ast/find-function.js';
import { findImportPath, getRequiredModule, isImportOf } from '../ast/find-import-path.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { findProperty } from '../ast/find-property.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { getThisMemberName } from '../ast/find-value-references.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import { bunyanDetector } from './detectors/bunyan.js';
import { pinoDetector } from './detectors/pino.js';
import type { AnyContext, LoggerDetector } from './detectors/types.js';
import { winstonDetector } from './detectors/winston.js';
import { unionFields } from './fields.js';
import type { FieldSet, Logger, SourcePosition } from './model.js';
import { listExpressionFields } from './object-fields.js';

const DETECTORS: Readonly<Partial<Record<LoggerLibraryName, LoggerDetector>>> = { pino: pinoDetector, winston: winstonDetector, bunyan: bunyanDetector };
const MAX_DEPTH = 12;
/** Receivers that are an HTTP request or response: `req.log` is pino-http's request logger where pino-http is used. */
const REQUEST_NAMES = /^(?:req|request|res|response)$/;

export interface Creation {
  readonly spec: LoggerLibrarySpec;
  readonly factory: LoggerFactorySpec;
}

/** What the finder needs from the project: log correlation, the NestJS application logger, pino-http. */
export interface LoggingEnvironment {
  /** Adds fields supplied outside the logger's code (OpenTelemetry log correlation) to a root logger. */
  withCorrelation(logger: Logger): Logger;
  /** The logger NestJS's `Logger` writes through, as seen from `context`; undefined when it cannot be known. */
  findApplicationLogger(finder: LoggerFinder, context: AnyContext): Logger | undefined;
  /** The request logger nestjs-pino's `PinoLogger`/`Logger` write through. */
  findNestjsPinoLogger(finder: LoggerFinder, context: AnyContext): Logger | undefined;
  /** pino-http's request logger (`req.log`) for a request handled in `context`. */
  findRequestLogger(finder: LoggerFinder, context: AnyContext): Logger | undefined;
}

export class LoggerFinder {
  private readonly found = new WeakMap<TSESTree.Node, Logger | null>();
  private readonly visiting = new Set<TSESTree.Node>();

  constructor(readonly environment: LoggingEnvironment) {}

  /** The logger `node` evaluates to in `context`'s module. */
  find(context: AnyContext, node: TSESTree.Node, depth = 0): Logger | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expression = unwrapExpression(node);
    const key = this.getCacheKey(context, expression);
    const cached = this.found.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.visiting.has(key)) return undefined;
    this.visiting.add(key);
    let logger: Logger | undefined;
    try {
      logger = this.findUncached(context, expression, depth);
    } finally {
      this.visiting.delete(key);
    }
    this.found.set(key, logger ?? null);
    return logger;
  }

  /** The library and factory a call or `new` expression makes a logger with, when it is one. */
  findCreation(context: AnyContext, node: TSESTree.CallExpression | TSESTree.NewExpression): Creation | undefined {
    const construct = node.type === AST_NODE_TYPES.NewExpression;
    const path = findImportPath(context, node.callee);
    if (!path) return undefined;
    for (const spec of LOGGER_LIBRARIES) {
      const factory = spec.factories.find((candidate) => candidate.construct === construct && isImportOf(path, spec.packages, candidate.paths));
      if (factory) return { spec, factory };
    }
    return undefined;
  }

  /** A root logger made by a library factory: its fields from its options, plus any log correlation. */
  createRoot(context: AnyContext, node: TSESTree.Node, library: LoggerLibraryName, fields: FieldSet): Logger {
    const madeAt = getPosition(context, node);
    const name = describeStorage(context, node);
    return this.environment.withCorrelation({ library, name, madeAt, root: { name, madeAt, library }, fields });
  }

  private findUncached(context: AnyContext, expression: TSESTree.Node, depth: number): Logger | undefined {
    switch (expression.type) {
      case AST_NODE_TYPES.Identifier:
        return this.findIdentifier(context, expression, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.findMember(context, expression, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.findCall(context, expression, depth);
      case AST_NODE_TYPES.NewExpression:
        return this.findConstruction(context, expression, depth);
      case AST_NODE_TYPES.ChainExpression:
        return this.find(context, expression.expression, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return this.find(context, expression.argument, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.findEither(context, [expression.consequent, expression.alternate], depth);
      case AST_NODE_TYPES.LogicalExpression:
        return this.findEither(context, [expression.left, expression.right], depth);
      default:
        return undefined;
    }
  }

  private findIdentifier(context: AnyContext, identifier: TSESTree.Identifier, depth: number): Logger | undefined {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    switch (definition.type) {
      case 'Variable': {
        const declarator = definition.node;
        const writes = variable.references.filter((reference) => reference.isWrite());
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || writes.length > 1) return undefined;
        return this.find(context, declarator.init, depth + 1);
      }
      case 'ImportBinding':
        return this.findAcrossModules(context, identifier, depth);
      case 'Parameter':
        return definition.name.type === AST_NODE_TYPES.Identifier ? this.findFromType(context, getParameterType(definition.name), depth) : undefined;
      default:
        return undefined;
    }
  }

  private findMember(context: AnyContext, member: TSESTree.MemberExpression, depth: number): Logger | undefined {
    const memberName = getThisMemberName(member);
    if (memberName !== undefined) return this.findClassMember(context, member, memberName, depth);
    if (member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    const property = member.property.name;
    if (property === 'log' && isRequest(member.object)) return this.environment.findRequestLogger(this, context);
    const object = unwrapExpression(member.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const lookup = findProperty(context, object, property);
      if (lookup.kind === 'found' && lookup.node) return this.find(context, lookup.node, depth + 1);
    }
    return this.findAcrossModules(context, member, depth);
  }

  private findCall(context: AnyContext, call: TSESTree.CallExpression, depth: number): Logger | undefined {
    const callee = unwrapExpression(call.callee);
    const creation = this.findCreation(context, call);
    if (creation) return this.createFromFactory(context, call, creation);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
      const parent = this.find(context, callee.object, depth + 1);
      const spec = parent && LOGGER_LIBRARIES.find((library) => library.name === parent.library);
      if (parent && spec?.child && callee.property.name === spec.child.method) return this.createChild(context, call, parent, spec.child.bindingsArgument);
      if (parent) return undefined;
    }
    if (getRequiredModule(call)?.startsWith('.')) return this.findRequired(context, call, depth);
    return this.findReturned(context, call, depth);
  }

  /** With type information, `require('./logger')`: what that CommonJS module assigns to `module.exports`. */
  private findRequired(context: AnyContext, call: TSESTree.CallExpression, depth: number): Logger | undefined {
    const services = getTypeServices(context);
    const specifier = services?.esTreeNodeToTSNodeMap.get(call.arguments[0]!);
    const moduleSymbol = specifier && services!.program.getTypeChecker().getSymbolAtLocation(specifier);
    const exported = moduleSymbol?.exports?.get('export=' as ts.__String);
    const declaration = exported?.valueDeclaration ?? exported?.declarations?.[0];
    const declared = declaration && toDeclarationNode(context, declaration);
    if (!declared) return undefined;
    const node = declared.node;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) return this.find(declared.context, node.right, depth + 1);
    if (node.type === AST_NODE_TYPES.ExpressionStatement && node.expression.type === AST_NODE_TYPES.AssignmentExpression) return this.find(declared.context, node.expression.right, depth + 1);
    return undefined;
  }

  private findConstruction(context: AnyContext, node: TSESTree.NewExpression, depth: number): Logger | undefined {
    const creation = this.findCreation(context, node);
    if (creation) return this.createFromFactory(context, node, creation);
    return this.findWrapper(context, node.callee, depth);
  }

  private createFromFactory(context: AnyContext, node: TSESTree.CallExpression | TSESTree.NewExpression, creation: Creation): Logger | undefined {
    const { spec, factory } = creation;
    if (spec.writesThrough) return this.fromApplicationLogger(context, node, spec.name, this.findWrittenThrough(context, spec.writesThrough));
    const detector = DETECTORS[spec.name];
    if (!detector) return undefined;
    const options = node.arguments[factory.optionsArgument];
    if (options?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return this.createRoot(context, node, spec.name, detector.readFields(context, options));
  }

  /** A NestJS `Logger` (or an injected nestjs-pino logger): it writes through the application logger. */
  private findWrittenThrough(context: AnyContext, target: NonNullable<LoggerLibrarySpec['writesThrough']>): Logger | undefined {
    return target === 'application-logger' ? this.environment.findApplicationLogger(this, context) : this.environment.findNestjsPinoLogger(this, context);
  }

  private fromApplicationLogger(context: AnyContext, node: TSESTree.Node, library: LoggerLibraryName, application: Logger | undefined): Logger | undefined {
    if (!application) return undefined;
    return { ...application, library, name: describeStorage(context, node), madeAt: getPosition(context, node) };
  }

  private createChild(context: AnyContext, call: TSESTree.CallExpression, parent: Logger, bindingsArgument: number): Logger {
    const bindings = call.arguments[bindingsArgument];
    const added = !bindings || bindings.type === AST_NODE_TYPES.SpreadElement ? { names: [], open: bindings !== undefined } : listExpressionFields(context, bindings);
    return { ...parent, name: describeStorage(context, call), madeAt: getPosition(context, call), fields: unionFields(parent.fields, added), isChild: true };
  }

  /** A factory function: the logger every one of its `return`s gives, when they share one root. */
  private findReturned(context: AnyContext, call: TSESTree.CallExpression, depth: number): Logger | undefined {
    const found = findFunction(context, call.callee);
    if (!found) return undefined;
    const returned = listReturnedExpressions(found.context, found.node);
    const logger = this.findEither(found.context, returned, depth);
    return logger && { ...logger, name: describeStorage(context, call), madeAt: getPosition(context, call) };
  }

  /**
   * Loggers that may be any of several expressions (branches, several returns or assignments), when they
   * share a root: a field counts as bound when any of them binds it, so only what none binds is reported.
   */
  private findEither(context: AnyContext, nodes: readonly TSESTree.Node[], depth: number): Logger | undefined {
    let result: Logger | undefined;
    for (const node of nodes) {
      const logger = this.find(context, node, depth + 1);
      if (!logger) return undefined;
      if (result && !isSamePosition(result.root.madeAt, logger.root.madeAt)) return undefined;
      result = result ? { ...result, fields: unionFields(result.fields, logger.fields) } : logger;
    }
    return result;
  }

  /** `this.logger`: the field initialiser, the constructor assignment, or the injected parameter's type. */
  private findClassMember(context: AnyContext, member: TSESTree.Node, name: string, depth: number): Logger | undefined {
    const classBody = findEnclosingClassBody(member);
    return classBody ? this.findInClass(context, classBody, name, depth) : undefined;
  }

  private findInClass(context: AnyContext, classBody: TSESTree.ClassBody, name: string, depth: number): Logger | undefined {
    const sources: TSESTree.Node[] = [];
    let typed: TSESTree.TypeNode | undefined;
    for (const element of classBody.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name) {
        if (element.value) sources.push(element.value);
        else typed = element.typeAnnotation?.typeAnnotation;
      }
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const parameter of element.value.params) {
          if (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.Identifier && parameter.parameter.name === name) {
            typed = parameter.parameter.typeAnnotation?.typeAnnotation;
          }
        }
      }
    }
    walkDescendants(context, classBody, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && getThisMemberName(node.left) === name) sources.push(node.right);
    });
    if (sources.length > 0) return this.findEither(context, sources, depth);
    if (typed) return this.findFromType(context, typed, depth);
    const superClass = classBody.parent.superClass;
    return superClass ? this.findInSuperClass(context, superClass, name, depth) : undefined;
  }

  private findInSuperClass(context: AnyContext, superClass: TSESTree.Node, name: string, depth: number): Logger | undefined {
    const declared = this.findClassDeclaration(context, superClass);
    return declared ? this.findInClass(declared.context, declared.node.body, name, depth + 1) : undefined;
  }

  /** A parameter or field typed with a logger class: NestJS's `Logger`, nestjs-pino's, or a wrapper class of the program. */
  private findFromType(context: AnyContext, type: TSESTree.TypeNode | undefined, depth: number): Logger | undefined {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const typeName = type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? toMemberLike(type.typeName) : type.typeName;
    if (!typeName) return undefined;
    const path = findImportPath(context, typeName);
    for (const spec of LOGGER_LIBRARIES) {
      if (!spec.writesThrough) continue;
      if (spec.factories.some((factory) => isImportOf(path, spec.packages, factory.paths))) {
        return this.fromApplicationLogger(context, type, spec.name, this.findWrittenThrough(context, spec.writesThrough));
      }
    }
    return this.findWrapper(context, typeName, depth);
  }

  /**
   * An instance of a class of the program that wraps a logger (a NestJS `LoggerService`, a service's own
   * logger class): the logger its level methods write through, with the fields they add to each record.
   */
  private findWrapper(context: AnyContext, classReference: TSESTree.Node, depth: number): Logger | undefined {
    const declared = this.findClassDeclaration(context, classReference);
    if (!declared) return undefined;
    const inner: Logger[] = [];
    for (const element of declared.node.body.body) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method' || element.key.type !== AST_NODE_TYPES.Identifier) continue;
      if (!WRAPPER_METHODS.has(element.key.name) || !element.value.body) continue;
      const written = this.findWrittenLogger(declared.context, element.value.body, depth);
      if (written === 'unknown') return undefined;
      if (written) inner.push(written);
    }
    const [first] = inner;
    if (!first || inner.some((logger) => !isSamePosition(logger.root.madeAt, first.root.madeAt))) return undefined;
    const fields = unionFields(...inner.map((logger) => logger.fields));
    return { ...first, fields, name: `${declared.name} instance`, madeAt: getPosition(context, classReference) };
  }

  /** The logger a wrapper method writes through, with the fields of the record it writes; 'unknown' when a call cannot be followed. */
  private findWrittenLogger(context: AnyContext, body: TSESTree.BlockStatement, depth: number): Logger | 'unknown' | undefined {
    let written: Logger | 'unknown' | undefined;
    walkDescendants(context, body, (node) => {
      if (written === 'unknown') return false;
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (!WRAPPER_METHODS.has(node.callee.property.name)) return undefined;
      const logger = this.find(context, node.callee.object, depth + 1);
      if (!logger) return undefined;
      const [first] = node.arguments;
      const record = first && first.type === AST_NODE_TYPES.ObjectExpression ? listExpressionFields(context, first) : { names: [], open: false };
      const withRecord = { ...logger, fields: unionFields(logger.fields, record) };
      if (written && !isSamePosition(written.root.madeAt, logger.root.madeAt)) written = 'unknown';
      else written = written ? { ...written, fields: unionFields(written.fields, withRecord.fields) } : withRecord;
      return undefined;
    });
    return written;
  }

  private findClassDeclaration(context: AnyContext, reference: TSESTree.Node): { context: AnyContext; node: TSESTree.ClassDeclaration | TSESTree.ClassExpression; name: string } | undefined {
    const expression = unwrapExpression(reference);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type === 'ClassName') return { context, node: definition.node, name: expression.name };
      if (definition && definition.type !== 'ImportBinding') return undefined;
    }
    const declared = findDeclarationNode(context, expression);
    if (declared?.node.type !== AST_NODE_TYPES.ClassDeclaration) return undefined;
    return { context: declared.context, node: declared.node, name: declared.node.id?.name ?? 'class' };
  }

  /** With type information, an imported name or a member of another module's object, followed to its declaration. */
  private findAcrossModules(context: AnyContext, node: TSESTree.Identifier | TSESTree.MemberExpression, depth: number): Logger | undefined {
    const declared = findDeclarationNode(context, node);
    if (!declared) return undefined;
    const target = declared.node;
    switch (target.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return target.init && target.id.type === AST_NODE_TYPES.Identifier ? this.find(declared.context, target.init, depth + 1) : undefined;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.PropertyDefinition:
        return target.value && target.value.type !== AST_NODE_TYPES.AssignmentPattern ? this.find(declared.context, target.value, depth + 1) : undefined;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return this.find(declared.context, target.declaration, depth + 1);
      default:
        return undefined;
    }
  }

  /** Identifiers share a cache entry through their variable, so every call on `logger` resolves it once. */
  private getCacheKey(context: AnyContext, expression: TSESTree.Node): TSESTree.Node {
    if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
    return variable?.defs[0]?.name ?? expression;
  }
}

/** The level methods a logger wrapper class forwards. */
const WRAPPER_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'verbose', 'trace', 'fatal']);

/** How the code that makes the logger names it: the variable or member it is stored in, or the call. */
export function describeStorage(context: AnyContext, node: TSESTree.Node): string {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.AwaitExpression)) current = current.parent;
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return `this.${parent.key.name}`;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) return context.sourceCode.getText(parent.left);
  if (parent?.type === AST_NODE_TYPES.Property && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'the default export';
  const returnedBy = parent?.type === AST_NODE_TYPES.ReturnStatement ? findEnclosingFunctionName(parent) : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current ? findEnclosingFunctionName(current) : undefined;
  if (returnedBy) return `${returnedBy}()`;
  if (parent?.type === AST_NODE_TYPES.TSParameterProperty || node.parent?.type === AST_NODE_TYPES.TSTypeAnnotation) return describeTypedParameter(node);
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = context.sourceCode.getText(node.callee);
    return `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee.length > 40 ? `${callee.slice(0, 39)}…` : callee}()`;
  }
  return 'logger';
}

export function getPosition(context: AnyContext, node: TSESTree.Node): SourcePosition {
  return { file: context.filename, line: node.loc.start.line, column: node.loc.start.column + 1 };
}

export function isSamePosition(left: SourcePosition, right: SourcePosition): boolean {
  return left.file === right.file && left.line === right.line && left.column === right.column;
}

function describeTypedParameter(node: TSESTree.Node): string {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.PropertyDefinition) current = current.parent;
  if (current?.type === AST_NODE_TYPES.Identifier) return current.parent?.type === AST_NODE_TYPES.TSParameterProperty ? `this.${current.name}` : current.name;
  if (current?.type === AST_NODE_TYPES.PropertyDefinition && current.key.type === AST_NODE_TYPES.Identifier) return `this.${current.key.name}`;
  return 'logger';
}

/** The name of the function a node is in: its declaration's name or the variable or property it is stored in. */
function findEnclosingFunctionName(node: TSESTree.Node): string | undefined {
  let current = node.parent;
  while (current && current.type !== AST_NODE_TYPES.FunctionDeclaration && current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) current = current.parent;
  if (!current) return undefined;
  if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression && current.id) return current.id.name;
  const holder = current.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
  if ((holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.Property) && holder.key.type === AST_NODE_TYPES.Identifier) return holder.key.name;
  return undefined;
}

function getParameterType(name: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  return name.typeAnnotation?.typeAnnotation;
}

function isRequest(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return REQUEST_NAMES.test(expression.name);
  return expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier && REQUEST_NAMES.test(expression.property.name);
}

function findEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    // `this` inside a plain function is not the class instance.
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || (current.type === AST_NODE_TYPES.FunctionExpression && current.parent?.type !== AST_NODE_TYPES.MethodDefinition)) return undefined;
    current = current.parent;
  }
  return undefined;
}

/** `pino.Logger` as a type name → a member expression shape findImportPath understands. */
function toMemberLike(name: TSESTree.TSQualifiedName): TSESTree.Node | undefined {
  if (name.left.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { type: AST_NODE_TYPES.MemberExpression, object: name.left, property: name.right, computed: false, optional: false, parent: name.parent, range: name.range, loc: name.loc } as unknown as TSESTree.MemberExpression;
}
