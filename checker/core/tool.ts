/** The tool's name and version as reports carry them. */
import plugin from '../../rules/index.js';

export const TOOL_NAME = 'policy-check';

export function getToolVersion(): string {
  return plugin.meta.version;
}
