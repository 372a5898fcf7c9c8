import fc from 'fast-check';
import {
  campaignFunnel,
  countFunnel,
  dailyActivity,
  FUNNEL_DEFINITIONS,
  FUNNEL_METRICS,
  funnelCountTerms,
  literalCriterion,
  type CountTerm,
  type FunnelRow,
} from './funnel';
import { DEFAULT_TAXONOMY, defaultTaxonomyRows, dropdownLabels, parseTaxonomy } from './taxonomy';

let serial = 0;
function row(outcome = '', stage = '', quality = '', manager = 'anna@firm.ru'): FunnelRow {
  serial += 1;
  return { manager, clientId: `C-${serial}`, outcome, stage, quality };
}

/** What Sheets' COUNTIFS does with the criteria funnelCountTerms produces (equality, "<>", ""). */
function countifs(rows: readonly FunnelRow[], term: CountTerm): number {
  return rows.filter((r) =>
    term.criteria.every(({ column, criterion }) => {
      const cell = String(r[column] ?? '');
      if (criterion === '<>') return cell !== '';
      if (criterion === '') return cell === '';
      const literal = criterion.replace(/^=(?=[=<>])/, '').replace(/~([~*?])/g, '$1');
      return cell.toLowerCase() === literal.toLowerCase();
    }),
  ).length;
}

describe('the funnel', () => {
  it('counts a typical Monday', () => {
    const rows = [
      row('Недозвон'),
      row('Согласен на семинар'),
      row('Согласен на семинар', 'Счет оплачен'),
      row('Отказался'),
      row('Черный список'),
      row(),
    ];
    expect(countFunnel(rows, DEFAULT_TAXONOMY)).toEqual({
      listSize: 6,
      called: 5,
      notYetCalled: 1,
      noAnswer: 1,
      reached: 4,
      agreed: 2,
      offers: 1,
      invoices: 1,
      paid: 1,
      venueTold: 0,
      attended: 0,
      liked: 0,
      disliked: 0,
      refused: 1,
      doNotCall: 1,
      wrongNumber: 0,
      conversion: 1 / 6,
    });
  });

  it('still counts an agreement after a later no-answer overwrote the outcome', () => {
    const counts = countFunnel([row('Недозвон', 'КП отправлено')], DEFAULT_TAXONOMY);
    expect(counts).toMatchObject({ agreed: 1, offers: 1, noAnswer: 1, reached: 1 });
  });

  it('counts attendance and feedback', () => {
    const counts = countFunnel(
      [
        row('Согласен на семинар', 'Был на семинаре', 'Понравилось'),
        row('', 'Место сообщено', 'Не понравилось'),
      ],
      DEFAULT_TAXONOMY,
    );
    expect(counts).toMatchObject({ attended: 2, liked: 1, disliked: 1, venueTold: 2, paid: 2 });
  });

  it('leaves feedback on last week’s seminar out of this week’s attendance, but counts the call', () => {
    const lastWeeks = { ...row('Согласен на семинар', '', 'Понравилось'), rates: '2026-W48 · Команда' };
    const counts = countFunnel([lastWeeks, row('', 'Был на семинаре', 'Не понравилось')], DEFAULT_TAXONOMY);
    expect(counts).toMatchObject({ called: 2, agreed: 2, attended: 1, liked: 0, disliked: 1 });
  });

  it('counts custom options by the meaning they borrow', () => {
    const taxonomy = parseTaxonomy(
      [
        ...defaultTaxonomyRows('ru').map((values, index) => ({ ...values, rowNumber: index + 2 })),
        {
          rowNumber: 40,
          section: 'outcome',
          code: 'BUSY',
          labelRu: 'Занят',
          labelEn: 'Busy',
          meaning: 'NO_ANSWER',
        },
      ],
      'ru',
    );
    expect(countFunnel([row('Занят')], taxonomy).noAnswer).toBe(1);
  });

  it('gives per-manager funnels and the team’s', () => {
    const funnel = campaignFunnel(
      [row('Недозвон'), row('Отказался', '', '', 'oleg@firm.ru')],
      DEFAULT_TAXONOMY,
    );
    expect(funnel.byManager.map((m) => [m.manager, m.counts.called])).toEqual([
      ['anna@firm.ru', 1],
      ['oleg@firm.ru', 1],
    ]);
    expect(funnel.team.listSize).toBe(2);
  });

  it('has zero conversion for an empty list', () => {
    expect(countFunnel([], DEFAULT_TAXONOMY).conversion).toBe(0);
  });
});

describe('funnel metrics as COUNTIFS terms', () => {
  it('turns "paid" into one term per stage at or past payment', () => {
    const paid = FUNNEL_DEFINITIONS.find((d) => d.key === 'paid');
    expect(paid && funnelCountTerms(paid, DEFAULT_TAXONOMY, 'ru')).toEqual([
      { sign: 1, criteria: [{ column: 'stage', criterion: 'Счет оплачен' }] },
      { sign: 1, criteria: [{ column: 'stage', criterion: 'Место сообщено' }] },
      { sign: 1, criteria: [{ column: 'stage', criterion: 'Был на семинаре' }] },
      { sign: 1, criteria: [{ column: 'stage', criterion: 'Не пришел' }] },
    ]);
  });

  it('asks for a blank feedback column when counting this week’s liked', () => {
    const liked = FUNNEL_DEFINITIONS.find((d) => d.key === 'liked');
    if (!liked) throw new Error('no liked metric');
    expect(funnelCountTerms(liked, DEFAULT_TAXONOMY, 'ru')).toEqual([
      {
        sign: 1,
        criteria: [
          { column: 'quality', criterion: 'Понравилось' },
          { column: 'rates', criterion: '' },
        ],
      },
    ]);
  });

  it('escapes labels so COUNTIFS matches them literally', () => {
    expect(literalCriterion('Да?*')).toBe('Да~?~*');
    expect(literalCriterion('>100')).toBe('=>100');
  });

  it('defines every metric of the Totals sheet', () => {
    expect(FUNNEL_DEFINITIONS.map((d) => d.key)).toEqual([...FUNNEL_METRICS]);
  });
});

describe('funnel properties', () => {
  const labels = (list: 'outcome' | 'stage' | 'quality') =>
    fc.constantFrom('', ...dropdownLabels(DEFAULT_TAXONOMY, list, 'ru'));
  const rows = fc.array(
    fc.record({
      manager: fc.constantFrom('a', 'b'),
      clientId: fc.constantFrom('C-1', 'C-2', ''),
      outcome: labels('outcome'),
      stage: labels('stage'),
      quality: labels('quality'),
      rates: fc.constantFrom('', '2026-W48 · Команда'),
    }),
    { maxLength: 40 },
  );

  it('never counts more than the list size', () => {
    fc.assert(
      fc.property(rows, (sample) => {
        const counts = countFunnel(sample, DEFAULT_TAXONOMY);
        for (const metric of FUNNEL_METRICS) expect(counts[metric]).toBeLessThanOrEqual(counts.listSize);
        expect(counts.notYetCalled + counts.called).toBe(counts.listSize);
      }),
    );
  });

  it('matches what the COUNTIFS terms compute on the same rows', () => {
    fc.assert(
      fc.property(rows, (sample) => {
        const listRows = sample.filter((r) => r.clientId !== '');
        const counts = countFunnel(listRows, DEFAULT_TAXONOMY);
        for (const definition of FUNNEL_DEFINITIONS.filter((d) => d.anyOf.length > 0)) {
          const terms = funnelCountTerms(definition, DEFAULT_TAXONOMY, 'ru');
          const byFormula = terms.reduce((sum, term) => sum + term.sign * countifs(listRows, term), 0);
          expect([definition.key, byFormula]).toEqual([definition.key, counts[definition.key]]);
        }
      }),
    );
  });
});

describe('daily activity', () => {
  it('counts calls, invoices and payments per manager per day from the Log', () => {
    const log = [
      { day: '2026-11-30', manager: 'anna', field: 'outcome', new: 'Недозвон', code: 'NO_ANSWER' },
      { day: '2026-11-30', manager: 'anna', field: 'outcome', new: 'Согласен на семинар', code: 'AGREED' },
      { day: '2026-11-30', manager: 'anna', field: 'outcome', new: '', code: '' },
      { day: '2026-12-01', manager: 'anna', field: 'stage', new: 'Счет выставлен', code: 'INVOICE_ISSUED' },
      { day: '2026-12-01', manager: 'anna', field: 'comment', new: 'ok', code: '' },
      { day: '2026-11-30', manager: 'oleg', field: 'stage', new: 'Счет оплачен', code: 'PAID' },
    ];
    expect(dailyActivity(log, DEFAULT_TAXONOMY)).toEqual([
      { day: '2026-11-30', manager: 'anna', calls: 2, invoices: 0, payments: 0 },
      { day: '2026-11-30', manager: 'oleg', calls: 0, invoices: 0, payments: 1 },
      { day: '2026-12-01', manager: 'anna', calls: 0, invoices: 1, payments: 0 },
    ]);
  });
});
