/**
 * Type-checker helpers shared by the rules and the checker: the function a call or a function reference
 * runs (across modules), and the calls made inside it. They take a `ts.TypeChecker`, never an ESLint
 * context, so policy-check calls them on its own program.
 *
 * The implementation still lives in rules/ast/follow-call.ts beside the rule-side entry `followCall`; it
 * moves here when that file is split, and this module is the one the checker imports meanwhile.
 */
export { followCallOf, listCalls, type CallSite, type CallTarget, type FunctionWithBody } from '../ast/follow-call.js';
