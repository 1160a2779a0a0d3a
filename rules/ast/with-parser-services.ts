/**
 * A rule context that is safe to hand to helpers which ask typescript-eslint for parser services. espree
 * and other parsers give none, and `getParserServices(context, true)` throws on them; this context gives
 * empty maps and no program instead, which those helpers read as "no type information".
 */
import type { TSESLint } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const wrapped = new WeakMap<object, AnyContext>();

export function withParserServices<Context extends AnyContext>(context: Context): Context {
  const sourceCode = context.sourceCode;
  const services = sourceCode.parserServices;
  if (services?.esTreeNodeToTSNodeMap != null && services.tsNodeToESTreeNodeMap != null) return context;
  const cached = wrapped.get(context);
  if (cached) return cached as Context;
  const parserServices = { ...services, program: null, esTreeNodeToTSNodeMap: new WeakMap(), tsNodeToESTreeNodeMap: new WeakMap() };
  const safeSourceCode = Object.create(sourceCode, { parserServices: { value: parserServices } }) as typeof sourceCode;
  const safeContext = Object.create(context, { sourceCode: { value: safeSourceCode } }) as Context;
  wrapped.set(context, safeContext);
  return safeContext;
}
