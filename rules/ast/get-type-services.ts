/**
 * The type checker's services when ESLint was given a TypeScript program, or undefined: never throws, so
 * a rule works the same under espree, under typescript-eslint without a project, and with one.
 */
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import type { AnyRuleContext } from './rule-context.js';

export function getTypeServices(context: AnyRuleContext): ParserServicesWithTypeInformation | undefined {
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || !services.tsNodeToESTreeNodeMap) return undefined;
  return services as ParserServicesWithTypeInformation;
}
