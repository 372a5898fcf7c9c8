// Rules that hold across teams while each team sees only its own clients: a do-not-call set by one
// team keeps the same phone or e-mail off every team's next week, without naming that client.

import { clientsFor, newMaster, openWeek, pasteClients, pasteTeam, twoTeams, workbookOf } from './fixtures';

const PETROVA = 'admin1@firm.ru';
const SIDOROV = 'admin2@firm.ru';

/** Clients of both teams, the second team's first client sharing the first team's first phone. */
function organisation() {
  const org = newMaster();
  pasteTeam(org, twoTeams());
  const north = clientsFor(['m1@firm.ru', 'm2@firm.ru', 'm3@firm.ru'], 6, 1);
  const south = clientsFor(['m4@firm.ru', 'm5@firm.ru'], 4, 101).map((client, index) =>
    index === 0 ? { ...client, phone: north[0]!.phone, email: '' } : client,
  );
  pasteClients(org, [...north, ...south]);
  return { org, north, south };
}

/** The client IDs on the second team's week, every manager sheet. */
function southWeek(org: ReturnType<typeof organisation>['org']): string[] {
  const book = workbookOf(org, '2026-W49 · Команда Сидорова');
  return ['Попова Мария', 'Волков Антон'].flatMap((sheet) =>
    org.gas
      .read(book, sheet, 'B2:B10')
      .map((row) => String(row[0]))
      .filter((id) => id !== ''),
  );
}

describe('a do-not-call across teams', () => {
  it('keeps the same phone off the other team’s next week', () => {
    const { org, north, south } = organisation();
    org.gas.callServer(PETROVA, org.master, 'markDoNotCall', { clientIds: [north[0]!.id], reason: 'жалоба' });
    org.gas.open(SIDOROV, org.master);
    openWeek(org, '2026-11-30', SIDOROV);
    expect(southWeek(org).sort()).toEqual(
      south
        .slice(1)
        .map((client) => client.id)
        .sort(),
    );
  });

  it('calls the other team’s client as usual while nobody flagged the phone', () => {
    const { org, south } = organisation();
    org.gas.open(SIDOROV, org.master);
    openWeek(org, '2026-11-30', SIDOROV);
    expect(southWeek(org).sort()).toEqual(south.map((client) => client.id).sort());
  });
});
