/**
 * How to bound a request of each library: the advice the messages give, and suggestions that add a timeout
 * where none is set (a property in an inline options literal, an options argument where none is passed,
 * superagent's `.timeout()` in the chain). Suggestions, not fixes: a deadline changes what the request does
 * when the dependency is slow, and the limit is a guess the developer must tune.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { HttpInstance, HttpRequest } from './model.js';
import type { RequestOptions } from './request-options.js';

export interface TimeoutSuggestion {
  readonly code: string;
  readonly fix: TSESLint.ReportFixFunction;
}

export function getRequestTimeoutSuggestion(sourceCode: Readonly<TSESLint.SourceCode>, request: HttpRequest, options: RequestOptions): TimeoutSuggestion | undefined {
  const insert = request.library.spec.timeout.insert;
  if (!insert) return undefined;
  if (insert.kind === 'chain') return { code: insert.code, fix: (fixer) => fixer.insertTextAfter(request.node, insert.code) };
  const property = insert.code;
  if (options.kind === 'options') return addToObjectLiteral(sourceCode, options.node, property);
  if (options.kind === 'none' && options.insertAfter) {
    const after = options.insertAfter;
    return { code: property, fix: (fixer) => fixer.insertTextAfter(after, `, { ${property} }`) };
  }
  return undefined;
}

export function getInstanceTimeoutSuggestion(sourceCode: Readonly<TSESLint.SourceCode>, instance: HttpInstance): TimeoutSuggestion | undefined {
  const insert = instance.library.spec.timeout.insert;
  if (insert?.kind !== 'option') return undefined;
  const property = insert.code;
  if (instance.options) return addToObjectLiteral(sourceCode, instance.options, property);
  if (instance.node.arguments.length > 0) return undefined;
  const closing = sourceCode.getLastToken(instance.node);
  if (closing?.value !== ')') return undefined;
  return { code: property, fix: (fixer) => fixer.insertTextBefore(closing, `{ ${property} }`) };
}

function addToObjectLiteral(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, property: string): TimeoutSuggestion | undefined {
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const first = node.properties[0];
  if (!first) return { code: property, fix: (fixer) => fixer.replaceText(node, `{ ${property} }`) };
  const opening = sourceCode.getFirstToken(node);
  if (!opening) return undefined;
  const sameLine = opening.loc.end.line === first.loc.start.line;
  return {
    code: property,
    fix: (fixer) => (sameLine ? fixer.insertTextBefore(first, `${property}, `) : fixer.insertTextAfter(opening, `\n${indentOf(sourceCode, first)}${property},`)),
  };
}

function indentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}
