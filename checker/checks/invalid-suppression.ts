/**
 * `policy-check-ignore` comments that suppress nothing: one without a reason (`-- <why>`), or one that names
 * no rule or check policy-check knows. A suppression must say why, so the next reader can judge it.
 */
import { PLUGIN_NAME } from '../../rules/create-rule.js';
import type { Finding } from '../report/model.js';
import { checkDocsUrl, type ProjectCheck } from './check.js';

const NAME = 'invalid-suppression';
const ID = `${PLUGIN_NAME}/${NAME}`;

export const invalidSuppression: ProjectCheck = {
  id: ID,
  description: 'Require every policy-check-ignore comment to name known rules and give a reason',
  helpUrl: checkDocsUrl(NAME),
  defaultSeverity: 'warn',
  run(project) {
    const findings: Finding[] = [];
    for (const [file, suppressions] of project.suppressions) {
      for (const suppression of suppressions) {
        const location = { line: suppression.startLine, column: suppression.column, endLine: suppression.line, endColumn: suppression.column };
        const unknown = suppression.rules.filter((rule) => !project.knownRuleIds.has(rule.startsWith(`${PLUGIN_NAME}/`) ? rule : `${PLUGIN_NAME}/${rule}`));
        if (unknown.length > 0) {
          findings.push(
            project.createFinding(ID, file, location, `This policy-check-ignore names no known rule (${unknown.join(', ')}), so it suppresses nothing: use a rule name such as service-policy/no-unbounded-retry.`),
          );
        }
        if (suppression.reason === '') {
          findings.push(
            project.createFinding(ID, file, location, 'This policy-check-ignore gives no reason, so it suppresses nothing: add "-- <why this is safe>" after the rule name.'),
          );
        }
      }
    }
    return findings;
  },
};
