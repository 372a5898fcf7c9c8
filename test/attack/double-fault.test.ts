// Attack: a fault during the settle of an earlier failure. Edit 1 (a paste of two outcomes) fails
// at a call after its journal was saved; edit 2 (a comment on the same row), which settles edit 1's
// journal first, fails at every one of its calls; then edit 3, reconcile and the nightly job.
// Claim 3: 0 lost, 0 duplicated, 0 misattributed.

import {
  callsOf,
  copyOf,
  edit,
  historyEvents,
  ids,
  logEvents,
  M1,
  nightly,
  OUTCOME,
  COMMENT,
  STAGE,
  reconcile,
  S1,
  tally,
  timeout,
  week,
  type Week,
} from './week';

const edit1 = (w: Week) => edit(w, M1, S1, 'H2', [['Недозвон'], ['Отказался']]);
const edit2 = (w: Week) => edit(w, M1, S1, 'M2', 'перезвонить');
const edit3 = (w: Week) => edit(w, M1, S1, 'I3', 'КП отправлено');

describe('a fault while settling an earlier fault', () => {
  it('0 lost, 0 duplicated at every pair of positions', () => {
    const n1 = callsOf(week, () => {}, edit1);
    const bad = [];
    let runs = 0;
    for (let p1 = 10; p1 <= n1; p1++) {
      const afterEdit1 = week();
      afterEdit1.org.gas.failCall(p1, timeout(afterEdit1));
      edit1(afterEdit1);
      const n2 = callsOf(
        () => copyOf(afterEdit1),
        () => {},
        edit2,
      );
      for (let p2 = 1; p2 <= n2; p2++) {
        const w = copyOf(afterEdit1);
        const [c2, c3] = ids(w);
        w.org.gas.failCall(p2, timeout(w));
        edit2(w);
        edit3(w);
        reconcile(w);
        nightly(w);
        runs++;
        const expected = [
          [c2!, OUTCOME, 'Недозвон'],
          [c3!, OUTCOME, 'Отказался'],
          [c2!, COMMENT, 'перезвонить'],
          [c3!, STAGE, 'КП отправлено'],
        ] as const;
        const h = tally(historyEvents(w), expected);
        const l = tally(logEvents(w), expected);
        if (h.lost + h.duplicated + h.unexpected + l.lost + l.duplicated + l.unexpected > 0)
          bad.push({ p1, p2, history: h, log: l });
      }
    }
    console.log(
      `double fault: ${runs} runs, ${bad.length} bad\n${bad.map((b) => JSON.stringify(b)).join('\n')}`,
    );
    expect(bad).toEqual([]);
  });
});
