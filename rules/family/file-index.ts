/**
 * One walk of a file's tree, shared by every family and rule in a lint run: the nodes of the types families
 * start from, bucketed by type, in source order. Families ask it for those instead of walking again.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * The node types a family may ask the index for: kept to these, the index holds a few nodes in ten of a
 * file rather than every identifier and member access. A family that starts from another type adds it here.
 */
export const INDEXED_TYPES = [
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.TSTypeReference,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.WhileStatement,
] as const;

export type IndexedType = (typeof INDEXED_TYPES)[number];

const IS_INDEXED: ReadonlySet<string> = new Set(INDEXED_TYPES);

export interface FileIndex {
  /** Every node of the given type, in source order. */
  nodesOfType<Type extends IndexedType>(type: Type): ReadonlyArray<Extract<TSESTree.Node, { type: Type }>>;
}

const indexByProgram = new WeakMap<TSESTree.Program, FileIndex>();
const keysByProgram = new WeakMap<TSESTree.Node, TSESLint.SourceCode.VisitorKeys>();

export function getFileIndex(sourceCode: Readonly<TSESLint.SourceCode>): FileIndex {
  const program = sourceCode.ast;
  let index = indexByProgram.get(program);
  if (!index) {
    index = buildIndex(program, sourceCode);
    indexByProgram.set(program, index);
    keysByProgram.set(program, sourceCode.visitorKeys);
  }
  return index;
}

function buildIndex(program: TSESTree.Program, sourceCode: Readonly<TSESLint.SourceCode>): FileIndex {
  const byType = new Map<string, TSESTree.Node[]>();
  const add = (node: TSESTree.Node): void => {
    if (!IS_INDEXED.has(node.type)) return;
    let bucket = byType.get(node.type);
    if (!bucket) byType.set(node.type, (bucket = []));
    bucket.push(node);
  };
  // ESLint (9.x and later) lists the steps of its own traversal once per file, before the rules run: reading
  // the entered nodes from that list costs no second walk. Otherwise walk the tree here.
  const steps = (sourceCode as { traverse?: () => Iterable<TraversalStep> }).traverse?.();
  if (steps) {
    for (const step of steps) if (step.kind === VISIT && step.phase === ENTER) add(step.target as TSESTree.Node);
  } else {
    walk(program, sourceCode.visitorKeys, add);
  }
  const empty: readonly TSESTree.Node[] = [];
  return {
    nodesOfType: (type) => (byType.get(type) ?? empty) as never,
  };
}

/** A step of ESLint's traversal: entering or leaving a node (kind 1), or a code path event (kind 2). */
interface TraversalStep {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
}
const VISIT = 1;
const ENTER = 1;

/**
 * Visits every node below `root` (and `root`), walking the visitor keys of the file's parser, as ESLint
 * does; `visit` returns false to skip a subtree. Falls back to every property for a node whose file was not
 * indexed (a tree built by hand).
 */
export function forEachNodeBelow(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  walk(root, findVisitorKeys(root), visit);
}

/** Depth-first, children pushed in reverse so nodes come out in source order. */
function walk(root: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys | undefined, visit: (node: TSESTree.Node) => boolean | void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const nodeKeys = keys ? keys[node.type] : Object.keys(node).filter((key) => key !== 'parent');
    if (!nodeKeys) continue;
    for (let keyIndex = nodeKeys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const child = (node as unknown as Record<string, unknown>)[nodeKeys[keyIndex]!];
      if (Array.isArray(child)) {
        for (let item = child.length - 1; item >= 0; item -= 1) if (isNode(child[item])) stack.push(child[item] as TSESTree.Node);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
}

function findVisitorKeys(node: TSESTree.Node): TSESLint.SourceCode.VisitorKeys | undefined {
  let root: TSESTree.Node = node;
  while (root.parent) root = root.parent;
  return keysByProgram.get(root);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
