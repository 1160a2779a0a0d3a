/**
 * The module export an expression names, through the file's own bindings: ESM default, named, namespace and
 * aliased imports, `import x = require()`, CommonJS `require` (whole, a member of it, or destructured) and
 * member chains on any of these. `winston.format.label` with `import winston from 'winston'` gives
 * `{ module: 'winston', path: ['default', 'format', 'label'] }`; `require('pino')` gives `{ module: 'pino', path: [] }`.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from './unwrap-expression.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ImportPath {
  /** The module specifier as written (`pino`, `./logger.js`). */
  readonly module: string;
  /** Export name then member names; `[]` for the module object itself. */
  readonly path: readonly string[];
}

const MAX_DEPTH = 6;

export function findImportPath(context: AnyContext, node: TSESTree.Node, depth = 0): ImportPath | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(expression);
    const object = name === undefined ? undefined : findImportPath(context, expression.object, depth + 1);
    return object && { module: object.module, path: [...object.path, name!] };
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const module = getRequiredModule(expression);
    return module === undefined ? undefined : { module, path: [] };
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') return describeImportBinding(definition.node);
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node;
  if (!declarator.init || variable!.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return findImportPath(context, declarator.init, depth + 1);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const key = findPatternKey(declarator.id, expression.name);
  const object = key === undefined ? undefined : findImportPath(context, declarator.init, depth + 1);
  return object && { module: object.module, path: [...object.path, key!] };
}

/** Whether an import path is one of `paths` of `module`. */
export function isImportOf(found: ImportPath | undefined, packages: readonly string[], paths: readonly (readonly string[])[]): boolean {
  if (!found || !packages.includes(found.module)) return false;
  return paths.some((path) => path.length === found.path.length && path.every((name, index) => name === found.path[index]));
}

function describeImportBinding(node: TSESTree.Node): ImportPath | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    return reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal
      ? { module: String(reference.expression.value), path: [] }
      : undefined;
  }
  const declaration = node.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const module = declaration.source.value;
  if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, path: ['default'] };
  if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, path: [] };
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
    return { module, path: [imported] };
  }
  return undefined;
}

/** `require('x')` → `x`. */
export function getRequiredModule(call: TSESTree.CallExpression): string | undefined {
  const [specifier] = call.arguments;
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require' || call.arguments.length !== 1) return undefined;
  return specifier?.type === AST_NODE_TYPES.Literal && typeof specifier.value === 'string' ? specifier.value : undefined;
}

function getMemberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  return member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string' ? member.property.value : undefined;
}

/** `const { createLogger: make } = require('winston')` and `make` → `createLogger`. */
function findPatternKey(pattern: TSESTree.ObjectPattern, local: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === local && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  }
  return undefined;
}
