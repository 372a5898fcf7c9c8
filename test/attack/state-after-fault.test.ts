// Attack: an edit fails half-way, then the administrator types over the hidden state (P) of one of
// its rows. Claims 2 ("a typed state is never credited and is put back") and 3 ("a fault then ANY
// next action: 0 lost").

import {
  ADMIN,
  callsOf,
  cell,
  clientCell,
  rowOfClient,
  edit,
  historyEvents,
  ids,
  logEvents,
  M1,
  nightly,
  OUTCOME,
  reconcile,
  S1,
  STAGE,
  COMMENT,
  tally,
  timeout,
  week,
  type Week,
} from './week';

const first = (w: Week) => edit(w, M1, S1, 'H2', [['Недозвон'], ['Отказался']]);

/** Positions at which History and the Log got the batch but the rows' states were not written. */
function statesNotWritten(): number[] {
  const n = callsOf(week, () => {}, first);
  const found: number[] = [];
  for (let p = 1; p <= n; p++) {
    const w = week();
    const before = String(cell(w, S1, 'P2'));
    w.org.gas.failCall(p, timeout(w));
    first(w);
    if (historyEvents(w).length === 2 && logEvents(w).length === 2 && String(cell(w, S1, 'P2')) === before)
      found.push(p);
  }
  return found;
}

describe('a journal whose row then gets a typed state', () => {
  const positions = statesNotWritten();

  it('there are such positions', () => {
    expect(positions.length).toBeGreaterThan(0);
  });

  // Was failing: settling the journal looked for the journal's rows by the client their state
  // names; the typed state names none, so settle threw and every later edit failed the same way.
  // Settle now leaves such a row to reconcile, which rebuilds it from the roster and the Log.
  it('goes on recording the workbook’s other edits and puts the state back', () => {
    const bad = [];
    for (const p of positions) {
      const w = week();
      const [c2, c3, c4] = ids(w);
      const before = String(cell(w, S1, 'P2'));
      w.org.gas.failCall(p, timeout(w));
      first(w);
      edit(w, ADMIN, S1, 'P2', `{"id":"${c2}","r":2,"s":"Счет оплачен"}`);
      edit(w, M1, S1, 'I3', 'КП отправлено');
      const report = reconcile(w);
      nightly(w);
      edit(w, M1, S1, `M${rowOfClient(w, S1, c4!)}`, 'на следующей неделе');
      reconcile(w);
      const expected = [
        [c2!, OUTCOME, 'Недозвон'],
        [c3!, OUTCOME, 'Отказался'],
        [c3!, STAGE, 'КП отправлено'],
        [c4!, COMMENT, 'на следующей неделе'],
      ] as const;
      const failures = w.org.gas
        .triggerFailures()
        .map((f) => f.message)
        .filter((m) => !m.startsWith('Service Spreadsheets timed out'));
      const result = {
        history: tally(historyEvents(w), expected),
        stateForged: String(clientCell(w, S1, c2!, 'P')).includes('Счет оплачен'),
        failures: [...new Set(failures)],
      };
      void before;
      if (result.history.lost + result.history.duplicated > 0 || result.stateForged || failures.length > 0)
        bad.push({ p, ...result, report: report.slice(0, 300) });
    }
    console.log(bad.map((b) => JSON.stringify(b)).join('\n'));
    expect(bad).toEqual([]);
  });
});

describe('an edit that never reached History, then a typed state on its row', () => {
  // Was failing: the row was rebuilt from the roster and the Log, which do not know the manager's
  // outcome (its edit failed before its journal), and the outcome was wiped. A forged state is now
  // rebuilt and the row's visible cells kept and recorded against it.
  it('keeps (and records) the manager’s outcome on the row whose state was typed over', () => {
    const w = week();
    const [c2, c3] = ids(w);
    w.org.gas.failCall(1, timeout(w));
    first(w);
    expect(w.org.gas.faultPending()).toBe(false);
    edit(w, ADMIN, S1, 'P2', `{"id":"${c2}","r":2,"s":"Счет оплачен"}`);
    reconcile(w);
    nightly(w);
    expect({
      // The nightly job orders the sheet by next call: the client's row is found by the client.
      h2: clientCell(w, S1, c2!, 'H'),
      history: tally(historyEvents(w), [
        [c2!, OUTCOME, 'Недозвон'],
        [c3!, OUTCOME, 'Отказался'],
      ]),
    }).toEqual({
      h2: 'Недозвон',
      history: { lost: 0, duplicated: 0, unexpected: 0 },
    });
  });

  // Same without any fault: the trigger was skipped (another execution held the lock).
  it('same, with the trigger skipped by a held lock instead of a fault', () => {
    const w = week();
    const [c2, c3] = ids(w);
    w.org.gas.holdLock('script', 60_000);
    first(w);
    w.org.gas.clock.advance(61_000);
    edit(w, ADMIN, S1, 'P2', `{"id":"${c2}","r":2,"s":"Счет оплачен"}`);
    reconcile(w);
    expect({
      h2: cell(w, S1, 'H2'),
      history: tally(historyEvents(w), [
        [c2!, OUTCOME, 'Недозвон'],
        [c3!, OUTCOME, 'Отказался'],
      ]),
    }).toEqual({
      h2: 'Недозвон',
      history: { lost: 0, duplicated: 0, unexpected: 0 },
    });
  });
});

describe('a journal whose row is then deleted (a whole row deleted in the Sheets UI)', () => {
  // Found by the attack and fixed; it used to fail: same dead end as above — settle throws "a recorded row ... is gone" at every
  // later edit and reconcile, so the workbook records nothing more.
  it('goes on recording the other rows', () => {
    const bad = [];
    for (const p of statesNotWrittenCached()) {
      const w = week();
      const [, c3, c4] = ids(w);
      w.org.gas.failCall(p, timeout(w));
      first(w);
      w.workbook.getSheetByName(S1)!.deleteRow(2);
      // c3 is now on row 2, c4 on row 3.
      edit(w, M1, S1, 'I2', 'КП отправлено');
      edit(w, M1, S1, 'M3', 'на следующей неделе');
      reconcile(w);
      nightly(w);
      const h = tally(historyEvents(w), [
        [c3!, OUTCOME, 'Отказался'],
        [c3!, STAGE, 'КП отправлено'],
        [c4!, COMMENT, 'на следующей неделе'],
      ]);
      // The deleted client's own outcome may stay in History (it was recorded); ignore it.
      const lost = h.lost;
      const failures = [
        ...new Set(
          w.org.gas
            .triggerFailures()
            .map((f) => f.message)
            .filter((m) => !m.startsWith('Service')),
        ),
      ];
      if (lost > 0 || failures.length > 0) bad.push({ p, lost, failures });
    }
    console.log(bad.map((b) => JSON.stringify(b)).join('\n'));
    expect(bad).toEqual([]);
  });
});

let cached: number[] | null = null;
function statesNotWrittenCached(): number[] {
  cached ??= statesNotWritten();
  return cached;
}
