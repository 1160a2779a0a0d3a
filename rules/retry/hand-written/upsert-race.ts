/**
 * One immediate retry of an upsert is a conflict retry, even when its catch does not name the error: two
 * first writers race on the unique index, the loser fails with a duplicate key, and by the second attempt
 * the document exists, so the upsert is a plain update. Waiting would not help it, and a single extra
 * attempt cannot build a herd. An upsert is a call whose method says so (`upsert`, Prisma's and TypeORM's
 * `upsert`, `upsertOne`) or that passes `{ upsert: true }` (MongoDB `updateOne`, `findOneAndUpdate`,
 * `replaceOne`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { RetryBound, RetryCondition } from '../model.js';

const UPSERT_METHOD = /^upsert/i;

export function isUpsertRace(operation: TSESTree.Node | undefined, bound: RetryBound, condition: RetryCondition): boolean {
  if (condition.kind !== 'every-error' || bound.kind !== 'attempts' || bound.retries !== 1) return false;
  return operation?.type === AST_NODE_TYPES.CallExpression && isUpsert(operation);
}

function isUpsert(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && UPSERT_METHOD.test(callee.property.name)) return true;
  return call.arguments.some((argument) => {
    const options = unwrapExpression(argument);
    return (
      options.type === AST_NODE_TYPES.ObjectExpression &&
      options.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'upsert' &&
          property.value.type === AST_NODE_TYPES.Literal &&
          property.value.value === true,
      )
    );
  });
}
