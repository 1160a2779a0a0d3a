/** Field sets: union, the empty and the open set, and whether a required field (or an alias) is present. */
import type { FieldSet } from './model.js';

export const NO_FIELDS: FieldSet = { names: [], open: false };
export const ANY_FIELDS: FieldSet = { names: [], open: true };

export function createFieldSet(names: Iterable<string>, open = false): FieldSet {
  return { names: [...new Set(names)].sort(), open };
}

export function unionFields(...sets: readonly FieldSet[]): FieldSet {
  return createFieldSet(
    sets.flatMap((set) => set.names),
    sets.some((set) => set.open),
  );
}

/** The required fields none of whose names (the field or one of its aliases) is in `present`. */
export function findMissingFields(present: FieldSet, required: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): string[] {
  if (present.open) return [];
  const names = new Set(present.names);
  return required.filter((field) => ![field, ...(aliases[field] ?? [])].some((name) => names.has(name)));
}
