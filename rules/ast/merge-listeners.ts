/** Combines rule listeners so several detectors can share one traversal. */
import type { TSESLint } from '@typescript-eslint/utils';

type Handler = (...args: never[]) => void;

export function mergeListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const handlers = new Map<string, Handler[]>();
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener)) {
      if (!handler) continue;
      const list = handlers.get(selector) ?? [];
      list.push(handler as Handler);
      handlers.set(selector, list);
    }
  }
  const merged: Record<string, Handler> = {};
  for (const [selector, list] of handlers) {
    merged[selector] = list.length === 1 ? list[0]! : (...args: never[]) => list.forEach((handler) => handler(...args));
  }
  return merged as TSESLint.RuleListener;
}
