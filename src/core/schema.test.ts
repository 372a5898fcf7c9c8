import { mapHeaders, RESULTS_SHEET, TEAM_SHEET } from './schema';

describe('finding columns by header', () => {
  it('reads a header written with е where the catalogue now writes ё, as masters set up earlier have it', () => {
    const map = mapHeaders(['Кампания', 'Еще не звонили', 'Ещё  не звонили'], RESULTS_SHEET.columns);
    expect(map.notYetCalled).toBe(1);
  });

  it('reads an English or an earlier Russian header («Email») as well as the current one («Эл. почта»)', () => {
    expect(mapHeaders(['Имя', 'Email'], TEAM_SHEET.columns).email).toBe(1);
    expect(mapHeaders(['Эл. почта'], TEAM_SHEET.columns).email).toBe(0);
  });
});
