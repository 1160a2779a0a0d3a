/**
 * Inside one handler: which expressions carry the incoming trace context. The handler's incoming roots
 * (`req`, `ctx`, `@Headers() headers`, the message) and the local aliases made from them
 * (`const { headers } = req`, `const request = context.switchToHttp().getRequest()`,
 * `for (const message of batch.messages)`) are followed; an expression carries the context when it is
 * the incoming headers, something that holds them (the request handed to a helper), or one trace header
 * read from them (`req.headers.traceparent`, `req.get('x-request-id')`).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { normalizeHeaderName } from '../../knowledge/tracing/trace-context.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import type { AnyRuleContext } from '../family/create-collector.js';
import type { HandlerScope } from './model.js';
import { getStaticMemberName } from './detectors/syntax.js';

type Variable = TSESLint.Scope.Variable;

/** Methods on a framework context that lead to the request or the message (NestJS ExecutionContext, RpcContext). */
const REQUEST_GETTERS: ReadonlySet<string> = new Set(['getRequest', 'getMessage']);
const CONTEXT_METHODS: ReadonlySet<string> = new Set(['switchToHttp', 'switchToRpc', 'getRequest', 'getMessage', 'getContext', 'getArgByIndex', 'getArgs']);
/** Methods that read one header (`req.get(name)`, `ctx.get(name)`, `headers.get(name)`). */
const HEADER_GETTERS: ReadonlySet<string> = new Set(['get', 'header', 'getHeader']);

export class IncomingContext {
  /** Incoming bindings and the path from each to the headers (undefined: any use may carry them). */
  private readonly roots = new Map<Variable, readonly string[] | undefined>();

  constructor(
    private readonly context: AnyRuleContext,
    readonly handler: HandlerScope,
    private readonly traceHeaders: ReadonlySet<string>,
  ) {
    for (const root of handler.incoming) {
      const variable = this.findVariable(root.identifier);
      if (variable) this.roots.set(variable, root.headersPath);
    }
    if (this.roots.size > 0) this.addAliases();
  }

  /** The handler can read the incoming context at all. */
  get hasIncoming(): boolean {
    return this.roots.size > 0;
  }

  /** Whether `expression` (or part of it) carries the incoming trace context on. */
  carries(expression: TSESTree.Node): boolean {
    let found = false;
    walkDescendants(this.context, expression, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.Identifier && this.isCarryingReference(node)) found = true;
      return !found;
    });
    return found;
  }

  private isCarryingReference(identifier: TSESTree.Identifier): boolean {
    const variable = this.findVariable(identifier);
    if (!variable || !this.roots.has(variable)) return false;
    const headersPath = this.roots.get(variable);
    if (headersPath === undefined) return true;
    const { path, header } = this.readPath(identifier);
    if (header !== undefined) return path.length === headersPath.length && isPrefix(path, headersPath) && this.traceHeaders.has(normalizeHeaderName(header));
    if (isPrefix(path, headersPath)) return true;
    const picked = path[headersPath.length];
    return path.length === headersPath.length + 1 && isPrefix(headersPath, path) && picked !== undefined && this.traceHeaders.has(normalizeHeaderName(picked));
  }

  /** From an identifier up: the property names read (`req.headers.traceparent` → headers, traceparent) and a header getter's argument. */
  private readPath(identifier: TSESTree.Identifier): { path: string[]; header: string | undefined } {
    const path: string[] = [];
    let current: TSESTree.Node = identifier;
    for (;;) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.TSAsExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
        current = parent;
        continue;
      }
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return { path, header: undefined };
      const name = getStaticMemberName(parent);
      if (name === undefined) return { path: [...path, '\0'], header: undefined };
      const call: TSESTree.Node | undefined = parent.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && HEADER_GETTERS.has(name)) {
        const argument = call.arguments[0];
        if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return { path, header: argument.value };
      }
      path.push(name);
      current = parent;
    }
  }

  /** Local bindings made from an incoming root, followed once through the handler's body in source order. */
  private addAliases(): void {
    walkDescendants(this.context, this.handler.function.body, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) this.addAlias(node.id, node.init);
      else if (node.type === AST_NODE_TYPES.ForOfStatement && node.left.type === AST_NODE_TYPES.VariableDeclaration) {
        const declarator = node.left.declarations[0];
        const source = this.describeSource(node.right);
        // `for (const message of batch.messages)`: each message carries its own headers.
        if (declarator && source) this.bind(declarator.id, source.path.at(-1) === 'messages' ? ['headers'] : undefined);
      }
    });
  }

  private addAlias(target: TSESTree.Node, init: TSESTree.Node): void {
    const source = this.describeSource(init);
    if (!source) return;
    if (target.type === AST_NODE_TYPES.Identifier) {
      this.bindRead(target, source.headersPath, source.path);
      return;
    }
    if (target.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      this.bindRead(property.value, source.headersPath, [...source.path, property.key.name]);
    }
  }

  /** Binds `target`, which holds what `path` reads from a root whose headers are at `headersPath`. */
  private bindRead(target: TSESTree.Node, headersPath: readonly string[] | undefined, path: readonly string[]): void {
    if (headersPath === undefined) this.bind(target, undefined);
    else if (isPrefix(path, headersPath)) this.bind(target, headersPath.slice(path.length));
    // One trace header's value: any use of it carries the context.
    else if (path.length === headersPath.length + 1 && isPrefix(headersPath, path) && this.traceHeaders.has(normalizeHeaderName(path.at(-1)!))) this.bind(target, undefined);
  }

  /**
   * An expression that reads an incoming root: the headers path that applies and the path read. Through a
   * request getter (`context.switchToHttp().getRequest()`), the path is read from the request.
   */
  private describeSource(expression: TSESTree.Node): { headersPath: readonly string[] | undefined; path: string[] } | undefined {
    const path: string[] = [];
    let fromRequest: string[] | undefined;
    let current: TSESTree.Node = expression;
    for (;;) {
      if (current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.ChainExpression) {
        current = current.expression;
      } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
        current = current.argument;
      } else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = getStaticMemberName(current.callee);
        if (name === undefined || !CONTEXT_METHODS.has(name)) return undefined;
        if (REQUEST_GETTERS.has(name) && fromRequest === undefined) fromRequest = [...path];
        current = current.callee.object;
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = getStaticMemberName(current);
        if (name === undefined) return undefined;
        path.unshift(name);
        current = current.object;
      } else {
        break;
      }
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.findVariable(current);
    if (!variable || !this.roots.has(variable)) return undefined;
    if (fromRequest !== undefined) return { headersPath: ['headers'], path: fromRequest };
    return { headersPath: this.roots.get(variable), path };
  }

  private bind(target: TSESTree.Node, headersPath: readonly string[] | undefined): void {
    if (target.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.findVariable(target);
    if (variable && !this.roots.has(variable)) this.roots.set(variable, headersPath);
  }

  private findVariable(identifier: TSESTree.Identifier): Variable | undefined {
    return ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier) ?? undefined;
  }
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}
