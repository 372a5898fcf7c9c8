import { listedElsewhere, MAX_LISTED, nextListing, type ListedRow } from './managerLists';

const row = (rowNumber: number, email: string, active = true) => ({ rowNumber, email, name: email, active });

describe('what a team’s managers sheet lists, as kept', () => {
  it('dates each person when first listed and keeps that date across reads', () => {
    const first = nextListing([row(2, 'A@f.ru')], [], 100);
    const again = nextListing([row(3, 'a@f.ru'), row(4, 'b@f.ru')], first.rows, 200);
    expect(again.rows).toEqual([
      [3, 'a@f.ru', 'a@f.ru', true, 100],
      [4, 'b@f.ru', 'b@f.ru', true, 200],
    ]);
  });

  it('keeps someone taken off the sheet as the team’s inactive member, so no other team claims them', () => {
    const before: ListedRow[] = [[2, 'gone@f.ru', 'Ушёл', true, 50]];
    expect(nextListing([], before, 300).rows).toEqual([[0, 'gone@f.ru', 'Ушёл', false, 50]]);
  });

  it('refuses what is not an e-mail, a second row of the same person and anyone past the bound; cuts long names', () => {
    const many = Array.from({ length: MAX_LISTED + 1 }, (_, index) => row(index + 5, `m${index}@f.ru`));
    const listing = nextListing([row(2, 'not an email'), row(3, 'x@f.ru'), row(4, 'X@f.ru'), ...many], [], 1);
    expect(Object.fromEntries(listing.refused)).toEqual({
      2: { reason: 'notEmail' },
      4: { reason: 'twice' },
      [MAX_LISTED + 4]: { reason: 'tooMany' },
      [MAX_LISTED + 5]: { reason: 'tooMany' },
    });
    expect(listing.rows).toHaveLength(MAX_LISTED);
    expect(nextListing([{ ...row(2, 'y@f.ru'), name: 'Я'.repeat(5000) }], [], 1).rows[0]?.[2]).toHaveLength(
      100,
    );
  });
});

describe('which rows count across teams', () => {
  it('gives a person to Team first, then to the team that listed them first, even after it took them off', () => {
    const refused = listedElsewhere(
      ['boss@f.ru'],
      [
        { id: '7', team: 'Север', rows: [[0, 'n2@f.ru', 'n2', false, 10]] },
        {
          id: '3',
          team: 'Юг',
          rows: [
            [2, 'n2@f.ru', 'n2', true, 20],
            [3, 'boss@f.ru', 'boss', true, 5],
            [4, 's1@f.ru', 's1', true, 5],
          ],
        },
      ],
    );
    expect({
      north: Object.fromEntries(refused.get('7') ?? []),
      south: Object.fromEntries(refused.get('3') ?? []),
    }).toEqual({
      north: {},
      south: { 2: { reason: 'listedByTeam', team: 'Север' }, 3: { reason: 'listedOnTeam' } },
    });
  });
});
