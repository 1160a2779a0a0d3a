/**
 * Conflict retries: a retry that goes round only after a write lost a race to another writer that has
 * already committed (a unique-constraint or duplicate-key violation, a compare-and-set or optimistic-lock
 * version conflict) and tries again with a new value (a fresh slug, a fresh random id, a re-read document).
 * Waiting does not help it, so it needs no backoff. A deadlock, a serialization failure or a transient
 * transaction error is not a conflict in this sense: the other transaction may still hold its locks, and
 * an immediate retry collides again.
 *
 * The failure branch is run under two scenarios: the caught error is a conflict, or it is any other error.
 * Tests are read by what they name: `err instanceof CasConflictError`, `isDuplicateKeyError(err)`,
 * `err.code === 11000` (or `'23505'`, `'P2002'`, `'ER_DUP_ENTRY'`), `err.message.includes('duplicate key')`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { FREE, mentions, type Scenario } from './evaluate-test.js';

export type ErrorKind = 'conflict' | 'other';

/** Words of a conflict that a new value resolves; the exclusions are contention that needs a wait. */
const CONFLICT_WORDS = /duplicate|unique|already.?exists|conflict|optimistic|version.?mismatch|stale.?(?:version|write|object)|compare.?and.?(?:set|swap)|precondition|E11000/i;
const CONTENTION_WORDS = /deadlock|serializ|lock.?(?:wait|timeout)|write.?conflict|transaction.?conflict|transient|timeout/i;
/** Error codes of unique violations: MongoDB, MySQL, SQL Server (numbers); PostgreSQL, Prisma, MySQL, SQLite (strings). */
const CONFLICT_CODES = new Set<unknown>([11000, 11001, 1062, 2601, 2627, '11000', '23505', 'P2002', 'ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const TEXT_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'match', 'test', 'indexOf', 'search', 'hasErrorLabel']);
const PRESENT: Readonly<Record<string, never>> = Object.freeze({});

export function isConflictText(text: string): boolean {
  return CONFLICT_WORDS.test(text) && !CONTENTION_WORDS.test(text);
}

/** `names` are the variables that hold the caught error. */
export function createErrorKindScenario(kind: ErrorKind, names: ReadonlySet<string>): Scenario {
  const isFailure = (node: TSESTree.Node): boolean => mentions(node, (found) => found.type === AST_NODE_TYPES.Identifier && names.has(found.name));
  const scenario: Scenario = {
    isRelevant: isFailure,
    valueOf: (node) => readValue(node, kind, names, isFailure),
    // `isUniqueViolation(err)` defined in this file: inside it, the parameter that receives the error holds it.
    enter: (bindings) => {
      const inner = [...bindings].filter(([, argument]) => isFailure(argument)).map(([name]) => name);
      return inner.length === 0 ? scenario : createErrorKindScenario(kind, new Set([...names, ...inner]));
    },
  };
  return scenario;
}

function readValue(node: TSESTree.Node, kind: ErrorKind, names: ReadonlySet<string>, isFailure: (node: TSESTree.Node) => boolean): { value: unknown } | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return names.has(node.name) ? { value: PRESENT } : undefined;
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    if (node.operator === 'instanceof' && isFailure(node.left)) return { value: byName(getName(node.right), kind) };
    if (['===', '==', '!==', '!='].includes(node.operator)) {
      const literal = [node.left, node.right].find((side) => unwrapExpression(side).type === AST_NODE_TYPES.Literal);
      const other = literal === node.left ? node.right : node.left;
      if (!literal || !isFailure(other)) return undefined;
      const equal = byCode((unwrapExpression(literal) as TSESTree.Literal).value, kind);
      return { value: node.operator.startsWith('!') ? negate(equal) : equal };
    }
    return undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  const name = getName(callee);
  // `err.message.includes('duplicate key')`, `/unique constraint/.test(err.message)`, `error.hasErrorLabel('…')`.
  if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && TEXT_METHODS.has(name) && (isFailure(callee.object) || node.arguments.some(isFailure))) {
    const text = [callee.object, ...node.arguments].map(getLiteralText).find((found) => found !== undefined);
    return text === undefined ? undefined : { value: byText(text, kind) };
  }
  // `isDuplicateKeyError(err)`, `isDeadlock(err)`: named for what they test.
  if (name !== undefined && node.arguments.some(isFailure) && (isConflictText(name) || CONTENTION_WORDS.test(name))) return { value: byName(name, kind) };
  return undefined;
}

/** A class or a predicate named for a conflict is true of a conflict and false of any other error. */
function byName(name: string | undefined, kind: ErrorKind): unknown {
  if (name !== undefined && isConflictText(name)) return kind === 'conflict';
  // A conflict may be an instance of a generic class (`QueryFailedError` with code 23505); another error may be anything.
  return FREE;
}

function byCode(code: unknown, kind: ErrorKind): unknown {
  const isConflict = CONFLICT_CODES.has(code) || (typeof code === 'string' && isConflictText(code));
  if (kind === 'conflict') return isConflict;
  return isConflict ? false : FREE;
}

function byText(text: string, kind: ErrorKind): unknown {
  if (isConflictText(text)) return kind === 'conflict';
  return kind === 'conflict' ? false : FREE;
}

function negate(value: unknown): unknown {
  return typeof value === 'boolean' ? !value : value;
}

function getLiteralText(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Literal) return undefined;
  if ('regex' in expression && expression.regex) return expression.regex.pattern;
  return typeof expression.value === 'string' ? expression.value : undefined;
}

function getName(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier) return expression.property.name;
  return undefined;
}
