/**
 * With type information, the source files of the program (not declaration files, not node_modules) whose
 * text matches a pattern: a cheap text search that tells a rule which other modules are worth parsing.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { getTypeServices } from './get-type-services.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const found = new WeakMap<ts.Program, Map<string, readonly string[]>>();

/** Absolute file names, in program order; undefined without type information. */
export function findProgramFiles(context: AnyContext, pattern: RegExp): readonly string[] | undefined {
  const program = getTypeServices(context)?.program;
  if (!program) return undefined;
  let byPattern = found.get(program);
  if (!byPattern) found.set(program, (byPattern = new Map()));
  const key = pattern.toString();
  let files = byPattern.get(key);
  if (!files) {
    files = program
      .getSourceFiles()
      .filter((sourceFile) => !sourceFile.isDeclarationFile && !sourceFile.fileName.includes('/node_modules/') && pattern.test(sourceFile.text))
      .map((sourceFile) => sourceFile.fileName);
    byPattern.set(key, files);
  }
  return files;
}

/** The program the context's type services hold, to key caches on; undefined without type information. */
export function getProgram(context: AnyContext): ts.Program | undefined {
  return getTypeServices(context)?.program;
}
