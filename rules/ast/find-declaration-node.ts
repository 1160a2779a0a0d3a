/**
 * With type information, the declaration of the value an identifier or member access refers to, in the
 * module that declares it, as an ESTree node of that module's context: follows imports, re-exports and
 * aliases through the type checker. Declarations in `.d.ts` files and node_modules are not followed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { findValueDeclaration } from './find-creation.js';
import { getModuleContext } from './module-context.js';
import { getTypeServices } from './get-type-services.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface DeclarationNode {
  /** The context of the module that declares it (the given one when it is declared in the same file). */
  readonly context: AnyContext;
  /** VariableDeclarator, FunctionDeclaration, ClassDeclaration, PropertyDefinition, Property, ExportDefaultDeclaration, … */
  readonly node: TSESTree.Node;
}

export function findDeclarationNode(context: AnyContext, node: TSESTree.Node): DeclarationNode | undefined {
  const services = getTypeServices(context);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(node);
  if (!services || !tsNode) return undefined;
  const target = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : ts.isNewExpression(tsNode) || ts.isCallExpression(tsNode) ? tsNode.expression : tsNode;
  const declaration = findValueDeclaration(services.program.getTypeChecker(), target);
  return declaration ? toDeclarationNode(context, declaration) : undefined;
}

/** The ESTree node of a TypeScript declaration of the program, in its module's context. */
export function toDeclarationNode(context: AnyContext, declaration: ts.Node): DeclarationNode | undefined {
  const sourceFile = declaration.getSourceFile();
  if (sourceFile.isDeclarationFile) return undefined;
  const moduleContext = getModuleContext(context, sourceFile.fileName);
  const node = moduleContext ? getTypeServices(moduleContext)?.tsNodeToESTreeNodeMap.get(declaration) : undefined;
  return moduleContext && node ? { context: moduleContext, node: node as TSESTree.Node } : undefined;
}
