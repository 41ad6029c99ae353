import vocabulary from './disaggregation-vocabulary.json' with { type: 'json' };

/**
 * The values a figure's age group, ethnicity and area may take, kept as data in disaggregation-vocabulary.json.
 * An empty value means "all".
 */
export type DisaggregationField = 'age_group' | 'ethnicity' | 'area';

interface Vocabulary {
  values: string[];
  aliases: Record<string, string>;
}

const VOCABULARIES: Record<DisaggregationField, Vocabulary> = {
  age_group: vocabulary.age_group,
  ethnicity: vocabulary.ethnicity,
  area: vocabulary.area,
};

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

const LOOKUP: Record<DisaggregationField, Map<string, string>> = Object.fromEntries(
  (Object.entries(VOCABULARIES) as [DisaggregationField, Vocabulary][]).map(([field, v]) => [
    field,
    new Map([
      ...v.values.map((value) => [fold(value), value] as const),
      ...Object.entries(v.aliases).map(([alias, value]) => [fold(alias), value] as const),
    ]),
  ]),
) as Record<DisaggregationField, Map<string, string>>;

/** The allowed values of a field, in the file's order. */
export function vocabularyOf(field: DisaggregationField): readonly string[] {
  return VOCABULARIES[field].values;
}

/** True when `value` is one of the field's values exactly (or empty: all). */
export function isInVocabulary(field: DisaggregationField, value: string): boolean {
  return value === '' || VOCABULARIES[field].values.includes(value);
}

/**
 * The field's value as written in the vocabulary, for a value typed in any case, with an alias ("thành thị",
 * "DTTS") or in decomposed Unicode; the text itself, trimmed, when it is none of them.
 */
export function canonicalDisaggregation(field: DisaggregationField, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return LOOKUP[field].get(fold(trimmed)) ?? trimmed;
}
