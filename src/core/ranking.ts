// Comparing managers across campaigns (Results sheet): rates normalised by list size, so a
// manager with a long list is not favoured by raw counts; ties broken by a fixed chain of keys so
// the same results always give the same order; best and worst named.

import { t, type Lang } from './messages';

/** One Results row: a closed campaign × manager, with its final funnel counts. */
export interface ManagerResult {
  readonly campaign: string;
  readonly manager: string;
  readonly name: string;
  readonly listSize: number;
  readonly called: number;
  readonly agreed: number;
  readonly paid: number;
}

export interface RankedManager {
  /** 1 = best; every manager gets a distinct rank (ties are broken, see rankManagers). */
  readonly rank: number;
  readonly manager: string;
  /** The name on the latest of the manager's rows. */
  readonly name: string;
  readonly campaigns: number;
  readonly listSize: number;
  readonly paid: number;
  readonly agreed: number;
  readonly called: number;
  readonly paidRate: number;
  readonly agreedRate: number;
  readonly calledRate: number;
  readonly mark: 'best' | 'worst' | null;
}

export interface Ranking {
  readonly ranking: readonly RankedManager[];
  readonly best: RankedManager | null;
  /** Null when fewer than two managers are ranked. */
  readonly worst: RankedManager | null;
  /** Managers whose lists were all empty: no rate can be computed for them. */
  readonly unranked: readonly string[];
}

/**
 * Ranks managers over the given results (one campaign's, or many). Each rate is the sum of the
 * count over the sum of list sizes. Order: paid rate, then agreed rate, then called rate (all
 * higher first), then name and e-mail alphabetically, so equal records still order the same way.
 */
export function rankManagers(results: readonly ManagerResult[]): Ranking {
  const totals = new Map<
    string,
    Omit<RankedManager, 'rank' | 'paidRate' | 'agreedRate' | 'calledRate' | 'mark'>
  >();
  for (const result of results) {
    const total = totals.get(result.manager);
    totals.set(result.manager, {
      manager: result.manager,
      name: result.name,
      campaigns: (total?.campaigns ?? 0) + 1,
      listSize: (total?.listSize ?? 0) + result.listSize,
      paid: (total?.paid ?? 0) + result.paid,
      agreed: (total?.agreed ?? 0) + result.agreed,
      called: (total?.called ?? 0) + result.called,
    });
  }
  const all = [...totals.values()];
  const ranked = all
    .filter((total) => total.listSize > 0)
    .map((total) => ({
      ...total,
      paidRate: total.paid / total.listSize,
      agreedRate: total.agreed / total.listSize,
      calledRate: total.called / total.listSize,
    }))
    .sort(
      (a, b) =>
        b.paidRate - a.paidRate ||
        b.agreedRate - a.agreedRate ||
        b.calledRate - a.calledRate ||
        a.name.localeCompare(b.name, 'ru') ||
        (a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0),
    );
  const ranking = ranked.map((entry, index): RankedManager => {
    const mark = index === 0 ? 'best' : index === ranked.length - 1 ? 'worst' : null;
    return { ...entry, rank: index + 1, mark };
  });
  return {
    ranking,
    best: ranking[0] ?? null,
    worst: ranking.length >= 2 ? (ranking[ranking.length - 1] ?? null) : null,
    unranked: all.filter((total) => total.listSize === 0).map((total) => total.manager),
  };
}

/** The text of a mark for the Results sheet ('' for none). */
export function rankingMarkLabel(mark: RankedManager['mark'], lang: Lang): string {
  return mark === null ? '' : t(lang, `ranking.${mark}`);
}
