// The option lists (call outcomes, deal stages, quality answers): their stable codes, labels and
// what each means. Every other module reasons about *meanings* (a built-in code such as
// NO_ANSWER); labels exist only at the sheet boundary. An administrator may rename labels and
// add options in Settings: a custom option (e.g. 'Занят'/'Busy') names the built-in code whose
// meaning it borrows, so cadence and funnel treat it exactly like that code.

import { cellText, labelKey } from './cells';
import { ProzvonError } from './errors';
import { t, type Lang, type MessageKey } from './messages';

export const OUTCOME_MEANINGS = [
  'NO_ANSWER',
  'CALL_BACK',
  'AGREED',
  'REFUSED',
  'CLIENT',
  'DO_NOT_CALL',
  'WRONG_NUMBER',
] as const;
export const STAGE_MEANINGS = [
  'OFFER_SENT',
  'INVOICE_ISSUED',
  'PAID',
  'VENUE_TOLD',
  'ATTENDED',
  'NO_SHOW',
  'DECLINED',
] as const;
export const QUALITY_MEANINGS = ['LIKED', 'DISLIKED'] as const;

export type OutcomeMeaning = (typeof OUTCOME_MEANINGS)[number];
export type StageMeaning = (typeof STAGE_MEANINGS)[number];
export type QualityMeaning = (typeof QUALITY_MEANINGS)[number];

export type OptionList = 'outcome' | 'stage' | 'quality';
export const OPTION_LISTS: readonly OptionList[] = ['outcome', 'stage', 'quality'];

export interface MeaningByList {
  outcome: OutcomeMeaning;
  stage: StageMeaning;
  quality: QualityMeaning;
}

const MEANINGS: { readonly [L in OptionList]: readonly MeaningByList[L][] } = {
  outcome: OUTCOME_MEANINGS,
  stage: STAGE_MEANINGS,
  quality: QUALITY_MEANINGS,
};

/**
 * What an outcome means beyond its name. `reached`: somebody answered (the funnel's "reached").
 * `closes`: nothing more to do with the client in this campaign (cadence gives no next call).
 * CLIENT means the organisation already buys from us and is served elsewhere, so it is reached
 * and closed, like a refusal that is not a refusal.
 */
export const OUTCOME_PROPERTIES: { readonly [M in OutcomeMeaning]: { reached: boolean; closes: boolean } } = {
  NO_ANSWER: { reached: false, closes: false },
  CALL_BACK: { reached: true, closes: false },
  AGREED: { reached: true, closes: false },
  REFUSED: { reached: true, closes: true },
  CLIENT: { reached: true, closes: true },
  DO_NOT_CALL: { reached: true, closes: true },
  WRONG_NUMBER: { reached: false, closes: true },
};

/**
 * How far along the deal a stage is. The stage column holds only the latest stage, so a row at
 * PAID has also had an offer and an invoice: the funnel counts "at least this far" by rank.
 * A no-show had paid and was told the venue. DECLINED is off the ladder (rank 0).
 */
export const STAGE_RANK: { readonly [M in StageMeaning]: number } = {
  OFFER_SENT: 1,
  INVOICE_ISSUED: 2,
  PAID: 3,
  VENUE_TOLD: 4,
  ATTENDED: 5,
  NO_SHOW: 5,
  DECLINED: 0,
};

export interface Labels {
  readonly ru: string;
  readonly en: string;
}

export interface TaxonomyOption<L extends OptionList = OptionList> {
  readonly list: L;
  /** Stable code, never shown in the dropdowns; a built-in code or one the admin added. */
  readonly code: string;
  readonly labels: Labels;
  /** The built-in code whose cadence and funnel meaning this option has (itself for built-ins). */
  readonly meaning: MeaningByList[L];
}

export interface Taxonomy {
  readonly outcome: readonly TaxonomyOption<'outcome'>[];
  readonly stage: readonly TaxonomyOption<'stage'>[];
  readonly quality: readonly TaxonomyOption<'quality'>[];
}

/**
 * One option row of Settings, as the gas layer reads it by header (schema SETTINGS_SHEET). Columns:
 * section (the list: its name in either language, or 'outcome' / 'stage' / 'quality'), code, Russian label,
 * English label, meaning (a built-in code of the same list; blank for the built-ins themselves).
 * `rowNumber` is the sheet row, used only to name the row in errors.
 */
export interface TaxonomySettingsRow {
  readonly rowNumber: number;
  readonly section: unknown;
  readonly code: unknown;
  readonly labelRu: unknown;
  readonly labelEn: unknown;
  readonly meaning: unknown;
}

/** The plain values of one Settings option row (keys are SETTINGS_SHEET column keys). */
export interface TaxonomyRowValues {
  readonly section: string;
  readonly code: string;
  readonly labelRu: string;
  readonly labelEn: string;
  readonly meaning: string;
}

function builtInLabels(list: OptionList, code: string): Labels {
  const key = `${list}.${code}` as MessageKey;
  return { ru: t('ru', key), en: t('en', key) };
}

function builtInOptions<L extends OptionList>(list: L): TaxonomyOption<L>[] {
  return MEANINGS[list].map((meaning) => ({
    list,
    code: meaning,
    labels: builtInLabels(list, meaning),
    meaning,
  }));
}

/** The seed process's options, used until Settings says otherwise. */
export const DEFAULT_TAXONOMY: Taxonomy = {
  outcome: builtInOptions('outcome'),
  stage: builtInOptions('stage'),
  quality: builtInOptions('quality'),
};

/** The option rows "Set up master" writes into Settings; the section is named in the sheet's language. */
export function defaultTaxonomyRows(lang: Lang): TaxonomyRowValues[] {
  return OPTION_LISTS.flatMap((list) =>
    DEFAULT_TAXONOMY[list].map((option) => ({
      section: t(lang, `list.${list}`),
      code: option.code,
      labelRu: option.labels.ru,
      labelEn: option.labels.en,
      meaning: option.meaning,
    })),
  );
}

/** Which list a Settings cell names: 'outcome', or its label in either language. */
export function parseListName(value: unknown): OptionList | undefined {
  const key = labelKey(cellText(value));
  return OPTION_LISTS.find(
    (list) =>
      key === list || key === labelKey(t('ru', `list.${list}`)) || key === labelKey(t('en', `list.${list}`)),
  );
}

function isMeaningOf<L extends OptionList>(list: L, code: string): code is MeaningByList[L] {
  return (MEANINGS[list] as readonly string[]).includes(code);
}

/**
 * Builds the taxonomy from the Settings option table. Rows whose cells are all empty are skipped.
 * A row needs a list, a code and at least one label (a missing translation copies the other
 * label); labels are unique within a list in both languages, codes unique within a list.
 * @throws ProzvonError naming the row: taxonomy.unknownList, .missingCode, .badCode,
 *   .duplicateCode, .missingLabel, .duplicateLabel, .unknownMeaning, .emptyList
 */
export function parseTaxonomy(rows: readonly TaxonomySettingsRow[], lang: Lang): Taxonomy {
  const parsed: { [L in OptionList]: TaxonomyOption<L>[] } = { outcome: [], stage: [], quality: [] };
  const codeRows = new Map<string, number>();
  const labelRows = new Map<string, number>();

  for (const row of rows) {
    const cells = [row.section, row.code, row.labelRu, row.labelEn, row.meaning].map(cellText);
    if (cells.every((cell) => cell === '')) continue;
    const [listText = '', codeText = '', ruText = '', enText = '', meaningText = ''] = cells;
    const rowParams = { row: row.rowNumber };

    const list = parseListName(listText);
    if (!list) throw new ProzvonError('taxonomy.unknownList', { ...rowParams, list: listText });
    const code = codeText.toUpperCase();
    if (code === '') throw new ProzvonError('taxonomy.missingCode', rowParams);
    if (!/^[A-Z0-9_]+$/.test(code))
      throw new ProzvonError('taxonomy.badCode', { ...rowParams, code: codeText });
    const otherCodeRow = codeRows.get(`${list}:${code}`);
    if (otherCodeRow !== undefined) {
      throw new ProzvonError('taxonomy.duplicateCode', { ...rowParams, code, otherRow: otherCodeRow });
    }
    codeRows.set(`${list}:${code}`, row.rowNumber);

    if (ruText === '' && enText === '')
      throw new ProzvonError('taxonomy.missingLabel', { ...rowParams, code });
    const labels: Labels = { ru: ruText || enText, en: enText || ruText };
    for (const label of new Set([labels.ru, labels.en])) {
      const key = `${list}:${labelKey(label)}`;
      const otherRow = labelRows.get(key);
      if (otherRow !== undefined)
        throw new ProzvonError('taxonomy.duplicateLabel', { ...rowParams, label, otherRow });
      labelRows.set(key, row.rowNumber);
    }

    const meaning = (meaningText || code).toUpperCase();
    if (!isMeaningOf(list, meaning)) {
      throw new ProzvonError('taxonomy.unknownMeaning', {
        ...rowParams,
        code,
        meaning: meaningText,
        allowed: MEANINGS[list].join(', '),
      });
    }
    (parsed[list] as TaxonomyOption[]).push({ list, code, labels, meaning });
  }

  for (const list of OPTION_LISTS) {
    if (parsed[list].length === 0)
      throw new ProzvonError('taxonomy.emptyList', { list: t(lang, `list.${list}`) });
  }
  return parsed;
}

/**
 * The option a cell names: its label in either language, or its code (case, spaces and ё do
 * not matter). Empty text and unknown labels give undefined.
 * @example findOption(DEFAULT_TAXONOMY, 'outcome', 'no answer')?.code //=> 'NO_ANSWER'
 */
export function findOption<L extends OptionList>(
  taxonomy: Taxonomy,
  list: L,
  value: unknown,
): TaxonomyOption<L> | undefined {
  const key = labelKey(cellText(value));
  if (key === '') return undefined;
  const options = taxonomy[list] as readonly TaxonomyOption<L>[];
  return (
    options.find((option) => labelKey(option.labels.ru) === key || labelKey(option.labels.en) === key) ??
    options.find((option) => option.code.toLowerCase() === key)
  );
}

/** The meaning of a cell's label, or undefined for an empty or unknown label. */
export function meaningOf<L extends OptionList>(
  taxonomy: Taxonomy,
  list: L,
  value: unknown,
): MeaningByList[L] | undefined {
  return findOption(taxonomy, list, value)?.meaning;
}

/** The label of an option in a language; undefined for an unknown code. */
export function labelOf(taxonomy: Taxonomy, list: OptionList, code: string, lang: Lang): string | undefined {
  return taxonomy[list].find((option) => option.code === code)?.labels[lang];
}

/** The labels a dropdown offers, in Settings order. */
export function dropdownLabels(taxonomy: Taxonomy, list: OptionList, lang: Lang): string[] {
  return taxonomy[list].map((option) => option.labels[lang]);
}

/** The codes of every option whose meaning is one of the given built-in codes (custom ones included). */
export function codesWithMeaning(
  taxonomy: Taxonomy,
  list: OptionList,
  meanings: readonly string[],
): string[] {
  return taxonomy[list].filter((option) => meanings.includes(option.meaning)).map((option) => option.code);
}

/** The labels (in a language) of every option whose meaning is one of the given codes. */
export function labelsWithMeaning(
  taxonomy: Taxonomy,
  list: OptionList,
  meanings: readonly string[],
  lang: Lang,
): string[] {
  return taxonomy[list]
    .filter((option) => meanings.includes(option.meaning))
    .map((option) => option.labels[lang]);
}
