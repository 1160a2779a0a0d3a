// Placeholder until the rule lands; replaced by the real implementation.
import { createRule } from './create-rule.js';

export default createRule<[], 'placeholder'>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: { description: 'Placeholder.', recommended: true },
    messages: { placeholder: 'Placeholder.' },
    schema: [],
  },
  create() {
    return {};
  },
});
