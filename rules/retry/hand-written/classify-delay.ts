/**
 * The shape of a delay between attempts, read from the expression that computes it: a constant, linear in
 * the attempt (`base * attempt`), exponential (`base * 2 ** attempt`, `Math.pow(2, attempt)`,
 * `base << attempt`, a delay doubled each time round), and whether randomness (`Math.random()`,
 * `crypto.randomInt`, a `jitter(…)` helper) contributes. Constants and helpers of this file are followed.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { BackoffKind } from '../model.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { isWithin } from './control-flow.js';
import type { Bindings } from './find-sleeps.js';
import { findLocalFunction, getReturnedExpression } from './local-functions.js';

type Variable = NonNullable<ReturnType<typeof ASTUtils.findVariable>>;

/** Where the attempts happen: the loop, or the function that calls itself (and how it calls itself). */
export interface DelayFrame {
  readonly node: TSESTree.Node;
  /** For recursion: the call that goes round again, whose arguments say how parameters change. */
  readonly recursiveCall?: TSESTree.CallExpression;
  readonly function?: TSESTree.Node;
  /** A property stepped once per attempt (an interceptor's `config.__retryCount`): it grows like a counter. */
  readonly isStepped?: (member: TSESTree.MemberExpression) => boolean;
}

export interface DelayShape {
  readonly kind: BackoffKind;
  readonly jitter: boolean | 'unknown';
}

interface Features {
  exponential: boolean;
  linear: boolean;
  custom: boolean;
  unknown: boolean;
  random: boolean;
}

const MAX_DEPTH = 6;
const RANDOM_NAME = /random|jitter/i;
/** A wait the failed answer asks for (`err.retryAfter`, `rateLimit.retryAfterSeconds`, `const retryAfterMs`): the server's choice. */
const SERVER_WAIT_NAME = /^retry[-_]?after/i;
const PASS_THROUGH_MATH = new Set(['min', 'max', 'floor', 'ceil', 'round', 'trunc', 'abs']);
const PASS_THROUGH_CALLS = new Set(['Number', 'parseInt', 'parseFloat']);

export function classifyDelay(context: AnyRuleContext, delay: TSESTree.Node, bindings: Bindings, frame: DelayFrame): DelayShape {
  const features: Features = { exponential: false, linear: false, custom: false, unknown: false, random: false };
  new DelayReader(context, frame, features).read(delay, bindings, 0);
  const jitter = features.random ? true : features.unknown ? 'unknown' : false;
  if (features.exponential) return { kind: 'exponential', jitter };
  if (features.linear) return { kind: 'linear', jitter };
  if (features.custom) return { kind: 'custom', jitter };
  if (features.unknown) return { kind: 'unknown', jitter };
  const value = getStaticValueOf(context, delay)?.value;
  return { kind: value === 0 && bindings.size === 0 ? 'none' : 'constant', jitter };
}

/** The shape of a list of delays (`for (const delay of [100, 200, 400])`, `DELAYS[attempt]`). */
function classifyDelayList(values: readonly unknown[]): BackoffKind {
  if (values.length === 0 || !values.every((value): value is number => typeof value === 'number')) return 'custom';
  if (values.every((value) => value === values[0])) return values[0] === 0 ? 'none' : 'constant';
  const ratios = values.slice(1).map((value, index) => value / values[index]!);
  if (values[0]! > 0 && ratios.every((ratio) => ratio > 1 && Math.abs(ratio - ratios[0]!) < 1e-9)) return 'exponential';
  const steps = values.slice(1).map((value, index) => value - values[index]!);
  if (steps.every((step) => step > 0 && step === steps[0])) return 'linear';
  return 'custom';
}

class DelayReader {
  constructor(
    private readonly context: AnyRuleContext,
    private readonly frame: DelayFrame,
    private readonly features: Features,
  ) {}

  read(node: TSESTree.Node, bindings: Bindings, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.features.unknown = true;
      return;
    }
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case AST_NODE_TYPES.Literal:
        return;
      case AST_NODE_TYPES.Identifier:
        return this.readIdentifier(expression, bindings, depth);
      case AST_NODE_TYPES.BinaryExpression:
        return this.readBinary(expression, bindings, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.readCall(expression, bindings, depth);
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression: {
        const [first, second] = expression.type === AST_NODE_TYPES.ConditionalExpression ? [expression.consequent, expression.alternate] : [expression.left, expression.right];
        this.read(first, bindings, depth + 1);
        this.read(second, bindings, depth + 1);
        return;
      }
      case AST_NODE_TYPES.UnaryExpression:
        return this.read(expression.argument, bindings, depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return this.readMember(expression, bindings, depth);
      case AST_NODE_TYPES.AwaitExpression:
        return this.read(expression.argument, bindings, depth + 1);
      default:
        if (!getStaticValueOf(this.context, expression)) this.features.unknown = true;
    }
  }

  /** Whether the value changes from one attempt to the next. */
  isVarying(node: TSESTree.Node, bindings: Bindings, depth = 0): boolean {
    const probe: Features = { exponential: false, linear: false, custom: false, unknown: false, random: false };
    new DelayReader(this.context, this.frame, probe).read(node, bindings, depth);
    return probe.exponential || probe.linear || probe.custom;
  }

  private readIdentifier(identifier: TSESTree.Identifier, bindings: Bindings, depth: number): void {
    if (SERVER_WAIT_NAME.test(identifier.name)) {
      this.features.unknown = true;
      return;
    }
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    const bound = bindings.get(identifier.name);
    if (bound && variable?.defs[0]?.type === 'Parameter') return this.read(bound.node, bound.bindings, depth + 1);
    if (!variable) return;
    const definition = variable.defs[0];
    if (!definition) return;
    if (definition.type === 'Parameter') return this.readParameter(variable, definition.node as TSESTree.Node, bindings, depth);
    if (definition.type !== 'Variable') return;
    const declarator = definition.node;
    const forOf = definition.parent.parent;
    if (forOf?.type === AST_NODE_TYPES.ForOfStatement && forOf.left === definition.parent) return this.readList(forOf.right);
    const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init && isWithin(reference.identifier as TSESTree.Node, this.frame.node));
    if (declarator.init) this.read(declarator.init, bindings, depth + 1);
    for (const write of writes) this.readWrite(write.identifier as TSESTree.Identifier, variable, depth);
  }

  /** A parameter of the function that calls itself changes as the recursive call passes it on. */
  private readParameter(variable: Variable, fn: TSESTree.Node, bindings: Bindings, depth: number): void {
    const call = this.frame.recursiveCall;
    if (!call || fn !== this.frame.function || !('params' in fn)) return;
    const index = fn.params.findIndex((param) => {
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      return target.type === AST_NODE_TYPES.Identifier && target.name === variable.name;
    });
    const passed = index >= 0 ? call.arguments[index] : undefined;
    if (!passed) return;
    this.readChange(unwrapExpression(passed), variable, bindings, depth);
  }

  private readWrite(identifier: TSESTree.Identifier, variable: Variable, depth: number): void {
    const parent = identifier.parent;
    if (parent.type === AST_NODE_TYPES.UpdateExpression) {
      this.features.linear = true;
      return;
    }
    if (parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== identifier) {
      this.features.custom = true;
      return;
    }
    if (parent.operator === '*=' || parent.operator === '<<=' || parent.operator === '**=') {
      this.features.exponential = true;
      this.read(parent.right, new Map(), depth + 1);
      return;
    }
    if (parent.operator === '+=' || parent.operator === '-=') {
      this.features.linear = true;
      this.read(parent.right, new Map(), depth + 1);
      return;
    }
    if (parent.operator === '=') {
      this.readChange(unwrapExpression(parent.right), variable, new Map(), depth);
      return;
    }
    this.features.custom = true;
  }

  /** How the next value derives from the current one: `x * 2`, `x << 1`, `x + step`, `Math.min(x * 2, cap)`. */
  private readChange(next: TSESTree.Node, variable: Variable, bindings: Bindings, depth: number): void {
    const isSelf = (node: TSESTree.Node): boolean => {
      const unwrapped = unwrapExpression(node);
      return unwrapped.type === AST_NODE_TYPES.Identifier && unwrapped.name === variable.name;
    };
    if (isSelf(next)) return;
    if (next.type === AST_NODE_TYPES.UpdateExpression && isSelf(next.argument)) {
      this.features.linear = true;
      return;
    }
    if (next.type === AST_NODE_TYPES.BinaryExpression && next.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
      const other = isSelf(next.left) ? next.right : isSelf(next.right) ? next.left : undefined;
      if (other) {
        if (next.operator === '*' || next.operator === '<<' || next.operator === '**') this.features.exponential = true;
        else if (next.operator === '+' || next.operator === '-') this.features.linear = true;
        else this.features.custom = true;
        this.read(other, bindings, depth + 1);
        return;
      }
    }
    if (next.type === AST_NODE_TYPES.CallExpression && isMathCall(next) && next.arguments.some((argument) => !isSelf(argument) && mentionsName(argument, variable.name))) {
      for (const argument of next.arguments) {
        if (mentionsName(argument, variable.name)) this.readChange(unwrapExpression(argument), variable, bindings, depth + 1);
        else this.read(argument, bindings, depth + 1);
      }
      return;
    }
    this.read(next, bindings, depth + 1);
  }

  private readBinary(expression: TSESTree.BinaryExpression, bindings: Bindings, depth: number): void {
    if (expression.left.type === AST_NODE_TYPES.PrivateIdentifier) return;
    if ((expression.operator === '**' || expression.operator === '<<') && this.isVarying(expression.right, bindings, depth + 1)) {
      this.features.exponential = true;
      this.readRandomOnly(expression, bindings, depth);
      return;
    }
    this.read(expression.left, bindings, depth + 1);
    this.read(expression.right, bindings, depth + 1);
  }

  private readCall(call: TSESTree.CallExpression, bindings: Bindings, depth: number): void {
    const callee = unwrapExpression(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
    if (isMathCall(call) && name === 'random') {
      this.features.random = true;
      return;
    }
    if (isMathCall(call) && name === 'pow' && call.arguments[1] && this.isVarying(call.arguments[1], bindings, depth + 1)) {
      this.features.exponential = true;
      this.readRandomOnly(call, bindings, depth);
      return;
    }
    if ((isMathCall(call) && name !== undefined && PASS_THROUGH_MATH.has(name)) || (name !== undefined && PASS_THROUGH_CALLS.has(name) && callee.type === AST_NODE_TYPES.Identifier)) {
      for (const argument of call.arguments) this.read(argument, bindings, depth + 1);
      return;
    }
    const helper = findLocalFunction(this.context, call);
    const returned = helper && getReturnedExpression(helper);
    if (name !== undefined && RANDOM_NAME.test(name) && !returned) {
      this.features.random = true;
      for (const argument of call.arguments) this.read(argument, bindings, depth + 1);
      return;
    }
    if (helper && returned) {
      const helperBindings = new Map(bindings);
      helper.params.forEach((param, index) => {
        const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        const argument = call.arguments[index] ?? (param.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined);
        if (target.type === AST_NODE_TYPES.Identifier && argument) helperBindings.set(target.name, { node: argument, bindings });
      });
      this.read(returned, helperBindings, depth + 1);
      return;
    }
    this.features.unknown = true;
  }

  private readMember(member: TSESTree.MemberExpression, bindings: Bindings, depth: number): void {
    if (this.frame.isStepped?.(member)) {
      this.features.linear = true;
      return;
    }
    const key = !member.computed && member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : member.property.type === AST_NODE_TYPES.Literal ? String(member.property.value) : undefined;
    if (key !== undefined && SERVER_WAIT_NAME.test(key)) {
      this.features.unknown = true;
      return;
    }
    if (!member.computed) return;
    if (!this.isVarying(member.property, bindings, depth + 1)) return;
    this.readList(member.object);
  }

  /** A delay taken from a list in turn: the list's shape is the backoff's. */
  private readList(node: TSESTree.Node): void {
    const list = getStaticValueOf(this.context, node)?.value;
    const kind = Array.isArray(list) ? classifyDelayList(list) : 'custom';
    if (kind === 'exponential') this.features.exponential = true;
    else if (kind === 'linear') this.features.linear = true;
    else if (kind !== 'constant' && kind !== 'none') this.features.custom = true;
  }

  /** Inside an exponential term, only randomness still matters. */
  private readRandomOnly(node: TSESTree.Node, bindings: Bindings, depth: number): void {
    const probe: Features = { exponential: false, linear: false, custom: false, unknown: false, random: false };
    new DelayReader(this.context, this.frame, probe).read(node.type === AST_NODE_TYPES.BinaryExpression ? node.left : (node as TSESTree.CallExpression).arguments[0] ?? node, bindings, depth + 1);
    if (node.type === AST_NODE_TYPES.BinaryExpression) new DelayReader(this.context, this.frame, probe).read(node.right, bindings, depth + 1);
    if (probe.random) this.features.random = true;
    if (probe.unknown && !probe.random) this.features.unknown = true;
  }
}

function isMathCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Math';
}

function mentionsName(node: TSESTree.Node, name: string): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === name;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(child) ? child.some((item) => isNode(item) && mentionsName(item, name)) : isNode(child) && mentionsName(child, name)) return true;
  }
  return false;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
