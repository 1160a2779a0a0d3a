/**
 * Type-checker helpers shared by the rules and the checker: where a value was created (`axios.create(…)`,
 * `new CircuitBreaker(…)`), what was attached to it, and which import a callee comes from. They take a
 * `ts.TypeChecker`, never an ESLint context, so policy-check calls them on its own program.
 *
 * The implementation still lives in rules/ast/find-creation.ts beside the rule-side entry `findCreation`;
 * it moves here when that file is split, and this module is the one the checker imports meanwhile.
 */
export {
  describeCallee,
  evaluateCreationArgument,
  findCreationOf,
  findValueDeclaration,
  skipOuterExpressions,
  type Attachment,
  type CalleePath,
  type Creation,
  type MemberWrite,
} from '../ast/find-creation.js';
