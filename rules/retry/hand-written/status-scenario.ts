/**
 * The scenario "the call failed with this HTTP status": `res.status`, `err.response?.status`,
 * `err.statusCode` and a variable named `status` read as that status, `res.ok` as 2xx, `err.code` as the
 * code a client gives such an answer (axios ERR_BAD_REQUEST / ERR_BAD_RESPONSE, got ERR_NON_2XX_3XX_RESPONSE;
 * never a network code such as ECONNRESET), `err.response` as present.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { ErrorCode, mentions, type Scenario } from './evaluate-test.js';

/** The statuses a condition is evaluated on: every status code registered with IANA. */
export const HTTP_STATUSES: readonly number[] = [
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];

const STATUS_NAMES = new Set(['status', 'statusCode', 'httpStatus', 'responseStatus']);
const CODE_NAMES = new Set(['code', 'errno']);
const PRESENT_NAMES = new Set(['response', 'request', 'config']);
const ANSWER_PROPERTIES = new Set([...STATUS_NAMES, 'ok', 'isAxiosError']);
const PRESENT: Readonly<Record<string, never>> = Object.freeze({});

/** `names` are the variables that hold the failure: the caught error, the answer checked. */
export function createStatusScenario(status: number, names: ReadonlySet<string>): Scenario {
  const scenario: Scenario = {
    isRelevant: (node) => mentions(node, (found) => isFailureReference(found, names)),
    valueOf: (node) => readResponseValue(node, status, names),
    // `isRetryable(err)`: inside the helper, the parameter that receives the failure holds it.
    enter: (bindings) => {
      const inner = [...bindings].filter(([, argument]) => scenario.isRelevant(argument)).map(([name]) => name);
      return inner.length === 0 ? scenario : createStatusScenario(status, new Set([...names, ...inner]));
    },
  };
  return scenario;
}

function isFailureReference(node: TSESTree.Identifier | TSESTree.MemberExpression, names: ReadonlySet<string>): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return names.has(node.name) || STATUS_NAMES.has(node.name);
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return false;
  const name = node.property.name;
  return ANSWER_PROPERTIES.has(name) || ((CODE_NAMES.has(name) || PRESENT_NAMES.has(name)) && isErrorObject(node.object, names));
}

/** `err`, `err.cause`: the caught error itself, not something it carries (`err.response.data.code`). */
function isErrorObject(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return names.has(node.name);
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'cause' &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    names.has(node.object.name)
  );
}

function readResponseValue(node: TSESTree.Node, status: number, names: ReadonlySet<string>): { value: unknown } | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (STATUS_NAMES.has(node.name)) return { value: status };
    return names.has(node.name) ? { value: PRESENT } : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.property : node.callee;
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'isAxiosError' ? { value: true } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = node.property.name;
  if (STATUS_NAMES.has(name)) return { value: status };
  if (name === 'ok') return { value: status >= 200 && status <= 299 };
  if (name === 'isAxiosError') return { value: true };
  if (!isErrorObject(node.object, names)) return undefined;
  if (CODE_NAMES.has(name)) return { value: new ErrorCode(new Set(getClientCodes(status))) };
  if (PRESENT_NAMES.has(name)) return { value: PRESENT };
  return undefined;
}

/** The error code HTTP clients give a rejected answer (axios lib/core/settle.js, got HTTPError). */
function getClientCodes(status: number): string[] {
  if (status >= 400 && status <= 499) return ['ERR_BAD_REQUEST', 'ERR_NON_2XX_3XX_RESPONSE'];
  if (status >= 500) return ['ERR_BAD_RESPONSE', 'ERR_NON_2XX_3XX_RESPONSE'];
  return [];
}
