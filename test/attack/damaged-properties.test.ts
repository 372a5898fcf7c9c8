// Attack: the script's own bookkeeping in script properties (the Log and History append cursors)
// is damaged — cut short by a failed write, or typed over by someone with access to the project.
// Edits must go on being recorded exactly once; a damaged cursor is rebuilt from its sheet.

import {
  COMMENT,
  edit,
  historyEvents,
  ids,
  logEvents,
  M1,
  OUTCOME,
  reconcile,
  S1,
  tally,
  week,
  type Week,
} from './week';

const scriptProperties = (w: Week) =>
  (
    w.org.gas.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
  ).getScriptProperties();

function damage(w: Week, key: string): void {
  scriptProperties(w).setProperty(key, '{"sheetName":"Журн');
}

describe('cursors damaged in script properties', () => {
  it.each([
    ['the weekly Log', (w: Week) => `prozvon.cursor.log.${w.workbook.getId()}`],
    ['History', () => 'prozvon.cursor.history'],
  ])('records the next edits once when the cursor of %s is cut short', (_, keyOf) => {
    const w = week();
    const [c2, c3] = ids(w);
    edit(w, M1, S1, 'H2', 'Недозвон');
    damage(w, keyOf(w));
    expect(edit(w, M1, S1, 'H3', 'Отказался')).toEqual({ ok: true });
    expect(edit(w, M1, S1, 'M2', 'перезвонить завтра')).toEqual({ ok: true });
    reconcile(w);
    const expected: [string, string, string][] = [
      [c2!, OUTCOME, 'Недозвон'],
      [c3!, OUTCOME, 'Отказался'],
      [c2!, COMMENT, 'перезвонить завтра'],
    ];
    expect(tally(historyEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
    expect(tally(logEvents(w), expected)).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  });
});
