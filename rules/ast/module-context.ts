/**
 * Another module of the program seen the way a rule sees the file it lints: its ESTree (parents set), scopes
 * and type services, built once per program and file from the TypeScript program ESLint was given. With it
 * the ESTree helpers (`findConstInitializer`, `resolveFunction`, `listPropertyNames`, …) read a module the
 * linted file imports: where a shared logger or client is made, and with which options.
 * Needs type information; without it, returns undefined.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { getTypeServices } from './get-type-services.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Scope = ReturnType<TSESLint.SourceCode['getScope']>;
type ScopeManager = NonNullable<TSESLint.SourceCode['scopeManager']>;

const contexts = new WeakMap<ts.Program, Map<string, AnyContext | null>>();

/** The linted file's own context for its own file name; a context for any other source file of the program. */
export function getModuleContext(context: AnyContext, fileName: string): AnyContext | undefined {
  if (fileName === context.filename) return context;
  const services = getTypeServices(context);
  if (!services) return undefined;
  const program = services.program;
  let byFile = contexts.get(program);
  if (!byFile) contexts.set(program, (byFile = new Map()));
  const cached = byFile.get(fileName);
  if (cached !== undefined) return cached ?? undefined;
  const created = createModuleContext(context, program, fileName);
  byFile.set(fileName, created ?? null);
  return created;
}

function createModuleContext(context: AnyContext, program: ts.Program, fileName: string): AnyContext | undefined {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile || sourceFile.isDeclarationFile || fileName.includes('/node_modules/')) return undefined;
  let parsed: ReturnType<typeof parseForESLint>;
  try {
    parsed = parseForESLint(sourceFile, { programs: [program], filePath: fileName, range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest' });
  } catch {
    return undefined;
  }
  const ast = parsed.ast as unknown as TSESTree.Program;
  const visitorKeys = parsed.visitorKeys as TSESLint.SourceCode.VisitorKeys;
  setParents(ast, visitorKeys);
  const scopeManager = parsed.scopeManager as unknown as ScopeManager;
  const sourceCode = {
    ast,
    text: sourceFile.text,
    visitorKeys,
    parserServices: parsed.services,
    scopeManager,
    getScope: (node: TSESTree.Node) => getScope(scopeManager, node),
    getText: (node?: TSESTree.Node) => (node ? sourceFile.text.slice(node.range[0], node.range[1]) : sourceFile.text),
  };
  return {
    id: context.id,
    filename: fileName,
    physicalFilename: fileName,
    cwd: context.cwd,
    settings: context.settings,
    options: [],
    languageOptions: context.languageOptions,
    parserOptions: context.parserOptions,
    sourceCode,
    report: () => undefined,
  } as unknown as AnyContext;
}

/** ESLint's own lookup: the innermost scope that holds the node. */
function getScope(scopeManager: ScopeManager, node: TSESTree.Node): Scope {
  const inner = node.type !== 'Program';
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = scopeManager.acquire(current, inner);
    if (scope) return (scope.type === 'function-expression-name' ? scope.childScopes[0] : scope) as Scope;
  }
  return scopeManager.scopes[0] as Scope;
}

function setParents(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') {
          (item as { parent?: TSESTree.Node }).parent = node;
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
}
