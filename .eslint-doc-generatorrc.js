/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Why it matters in production', 'Examples', 'When not to use it', 'Further reading'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions'],
  urlRuleDoc: 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs/rules/{name}.md',
};
