/**
 * The module and export an identifier was imported as: `import { Controller as C } from '@nestjs/common'`
 * makes `C` → `{ module: '@nestjs/common', name: 'Controller' }`; a default import gives `default`, a
 * namespace import `*`, and `const { Get } = require('@nestjs/common')` the destructured name.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ImportSource {
  readonly module: string;
  readonly name: string;
}

export function getImportSource(context: AnyContext, identifier: TSESTree.Identifier): ImportSource | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const specifier = definition.node;
    const module = declaration.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, name: 'default' };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, name: '*' };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { module, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return undefined;
  }
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node;
  const init = declarator.init;
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') return undefined;
  const argument = init.arguments[0];
  if (argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return { module: argument.value, name: '*' };
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === identifier.name) return { module: argument.value, name: property.key.name };
  }
  return undefined;
}
