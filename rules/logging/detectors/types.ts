/** A logging library's detector: how a logger it makes binds fields, read from the factory call's options. */
import type { TSESTree } from '@typescript-eslint/utils';

import type { LoggerLibrarySpec } from '../../../knowledge/logging/types.js';
import type { AnyRuleContext as AnyContext } from '../../family/create-collector.js';
import type { FieldSet } from '../model.js';

export type { AnyContext };

export interface LoggerDetector {
  readonly spec: LoggerLibrarySpec;
  /** The fields a logger made with these options (undefined: none given) binds to every record. */
  readFields(context: AnyContext, options: TSESTree.Node | undefined): FieldSet;
}
