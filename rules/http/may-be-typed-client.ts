/**
 * The cheap check before asking the type checker whether a receiver is an HTTP client: most calls named
 * like requests (`get`, `post`, `delete`) are on maps, routers, caches and repositories whose declaration
 * already says they are not clients. Only receivers whose origin the file cannot show, or whose declared
 * type names a client type, go on to the type checker.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { HTTP_LIBRARIES } from './http-libraries.js';

const CLIENT_TYPE_NAMES = HTTP_LIBRARIES.flatMap((library) => library.clientTypes);

/** Values that are visibly not an HTTP client: `new Map()`, literals, functions. */
const NOT_CLIENT_INITIALIZERS = new Set<string>([
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
]);

export function mayBeTypedClient(context: AnyRuleContext, receiver: TSESTree.Node): boolean {
  if (receiver.type === AST_NODE_TYPES.Identifier) return mayIdentifierBeClient(context, receiver);
  if (receiver.type === AST_NODE_TYPES.MemberExpression && receiver.object.type === AST_NODE_TYPES.ThisExpression && !receiver.computed) {
    const annotation = findClassMemberAnnotation(receiver);
    return annotation === undefined || mayAnnotationBeClient(context, annotation);
  }
  return true;
}

function mayIdentifierBeClient(context: AnyRuleContext, identifier: TSESTree.Identifier): boolean {
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier)?.defs[0];
  if (!definition) return true;
  switch (definition.type) {
    case 'ImportBinding':
      return true;
    case 'Parameter': {
      const annotation = (definition.name as TSESTree.Identifier).typeAnnotation;
      return annotation === undefined || mayAnnotationBeClient(context, annotation);
    }
    case 'Variable': {
      const declarator = definition.node;
      if (declarator.id.typeAnnotation) return mayAnnotationBeClient(context, declarator.id.typeAnnotation);
      return !declarator.init || !NOT_CLIENT_INITIALIZERS.has(declarator.init.type);
    }
    default:
      return false;
  }
}

/** The declared type of `this.name`: a class property or a constructor parameter property. */
function findClassMemberAnnotation(member: TSESTree.MemberExpression): TSESTree.TSTypeAnnotation | undefined {
  const name = (member.property as TSESTree.Identifier).name;
  let node: TSESTree.Node | undefined = member.parent;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  if (!node) return undefined;
  for (const element of node.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name) {
      return element.typeAnnotation;
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = parameter.parameter;
        const identifier = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
        if (identifier.type === AST_NODE_TYPES.Identifier && identifier.name === name) return identifier.typeAnnotation;
      }
    }
  }
  return undefined;
}

/** An annotation that names a client type, or that the file cannot see through (`typeof x`, an alias), may be a client. */
function mayAnnotationBeClient(context: AnyRuleContext, annotation: TSESTree.TSTypeAnnotation): boolean {
  const type = annotation.typeAnnotation;
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return type.type === AST_NODE_TYPES.TSTypeQuery || type.type === AST_NODE_TYPES.TSUnionType;
  const text = context.sourceCode.getText(type);
  if (CLIENT_TYPE_NAMES.some((name) => text.includes(name))) return true;
  // A local alias or interface (`type Http = AxiosInstance`) hides the name: let the type checker decide.
  return isDeclaredLocallyAsAlias(context, type.typeName);
}

function isDeclaredLocallyAsAlias(context: AnyRuleContext, typeName: TSESTree.EntityName): boolean {
  if (typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(typeName), typeName)?.defs[0];
  return definition?.type === 'Type' && definition.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration;
}
