/**
 * The waits between attempts: `await sleep(ms)`, `await delay(ms)`, `await wait(ms)`,
 * `await new Promise((resolve) => setTimeout(resolve, ms))`, `await setTimeout(ms)` from
 * `node:timers/promises`, `scheduler.wait(ms)`, and helpers of this file whose body waits
 * (`await backoff(attempt)`), looked into so the delay is read where it is computed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { CALL, ESM, findLibraryReferences, type TraceMap, type TraceMapElement } from '../../ast/library-references.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkSameFunction } from './control-flow.js';
import { findLocalFunction, type FunctionNode } from './local-functions.js';

/** A helper's parameters bound to the arguments of the call that entered it. */
export type Bindings = ReadonlyMap<string, Binding>;
export interface Binding {
  readonly node: TSESTree.Node;
  readonly bindings: Bindings;
}

export interface Sleep {
  readonly call: TSESTree.CallExpression;
  /** The delay in milliseconds; 'zero' for `setTimeout(resolve)`; undefined when no argument says it. */
  readonly delay: TSESTree.Node | 'zero' | undefined;
  /** Set when the delay was read inside helpers: their parameters, bound to the caller's arguments. */
  readonly bindings: Bindings;
}

/** Names that say a function waits: `sleep(ms)`, `delay(ms)`, `wait(ms)`, `pause(ms)`. */
const SLEEP_NAME = /^(?:sleep|delay|wait|pause|snooze)(?:ms|millis|for)?$/i;
/** Names of helpers that wait for a delay they compute (`waitBeforeRetry(attempt)`, `backoff.wait()`). */
const BACKOFF_NAME = /backoff|sleep|delay|wait/i;
const MAX_DEPTH = 2;
const NO_BINDINGS: Bindings = new Map();

const TIMERS_EXPORTS: TraceMapElement<'setTimeout' | 'wait'> = { setTimeout: { [CALL]: 'setTimeout' }, scheduler: { wait: { [CALL]: 'wait' } } };
/** Named, aliased, namespace and default imports alike (`import { setTimeout } from 'node:timers/promises'`). */
const TIMERS_MODULE: TraceMapElement<'setTimeout' | 'wait'> = { [ESM]: true, ...TIMERS_EXPORTS, default: TIMERS_EXPORTS };
const TIMERS_PROMISES: TraceMap<'setTimeout' | 'wait'> = { 'timers/promises': TIMERS_MODULE, 'node:timers/promises': TIMERS_MODULE };

/** Finds sleeps once per file; `scheduled` recognises `setTimeout(() => retry(), ms)` as the wait before a retry. */
export class SleepFinder {
  private promiseTimers: ReadonlySet<TSESTree.Node> | undefined;

  constructor(private readonly context: AnyRuleContext) {}

  /** The sleeps in `root` (same function, plus Promise executors and the functions `enter` accepts). */
  findSleeps(root: TSESTree.Node, enter: (fn: TSESTree.Node) => boolean = () => false): Sleep[] {
    const sleeps: Sleep[] = [];
    const seen = new Set<TSESTree.Node>();
    walkSameFunction(
      root,
      (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const sleep = this.readSleep(node, NO_BINDINGS, 0);
        if (sleep && !seen.has(node)) {
          seen.add(node);
          sleeps.push(sleep);
        }
      },
      (fn) => isPromiseExecutor(fn) || enter(fn),
    );
    return sleeps;
  }

  /** Whether a call waits (so it is not taken for the retried operation). */
  isSleep(call: TSESTree.CallExpression): boolean {
    return this.readSleep(call, NO_BINDINGS, 0) !== undefined;
  }

  private readSleep(call: TSESTree.CallExpression, bindings: Bindings, depth: number): Sleep | undefined {
    const callee = unwrapExpression(call.callee);
    const name = getCalleeName(callee);
    if (this.getPromiseTimers().has(call)) return { call, delay: call.arguments[0] ?? 'zero', bindings };
    if (name === 'setTimeout' && isInsidePromiseExecutor(call)) {
      return { call, delay: call.arguments[1] ?? 'zero', bindings };
    }
    if (name === undefined || name === 'setTimeout') return undefined;
    const helper = depth < MAX_DEPTH ? findLocalFunction(this.context, call) : undefined;
    if (helper) {
      const inner = this.findSleepInHelper(helper, call, bindings, depth + 1);
      if (inner) return { ...inner, call };
    }
    if (SLEEP_NAME.test(name)) return { call, delay: call.arguments[0], bindings };
    if (BACKOFF_NAME.test(name) && !helper && call.parent?.type === AST_NODE_TYPES.AwaitExpression) return { call, delay: undefined, bindings };
    return undefined;
  }

  private findSleepInHelper(helper: FunctionNode, call: TSESTree.CallExpression, outer: Bindings, depth: number): Sleep | undefined {
    const bindings = new Map<string, Binding>();
    helper.params.forEach((param, index) => {
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      const argument = call.arguments[index] ?? (param.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined);
      if (target.type === AST_NODE_TYPES.Identifier && argument) bindings.set(target.name, { node: argument, bindings: outer });
    });
    let found: Sleep | undefined;
    walkSameFunction(
      helper.body,
      (node) => {
        if (!found && node.type === AST_NODE_TYPES.CallExpression) found = this.readSleep(node, bindings, depth);
      },
      isPromiseExecutor,
    );
    return found;
  }

  private getPromiseTimers(): ReadonlySet<TSESTree.Node> {
    this.promiseTimers ??= new Set(findLibraryReferences(this.context, TIMERS_PROMISES).map((reference) => reference.node));
    return this.promiseTimers;
  }
}

/** `setTimeout(() => retry(…), ms)` or `setTimeout(retry, ms)`: the wait before a scheduled retry. */
export function readScheduledDelay(call: TSESTree.CallExpression): Sleep | undefined {
  return getCalleeName(unwrapExpression(call.callee)) === 'setTimeout' ? { call, delay: call.arguments[1] ?? 'zero', bindings: NO_BINDINGS } : undefined;
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

function isFunctionLike(node: TSESTree.Node): node is FunctionNode {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}

/** The executor of `new Promise(…)`. */
function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

function isInsidePromiseExecutor(call: TSESTree.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (isFunctionLike(node)) return isPromiseExecutor(node);
  }
  return false;
}
