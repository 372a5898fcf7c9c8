// The naive twin of Prozvon's jobs, as a first Apps Script would write them: one getValue or
// setValue per cell, one appendRow per event. bench/naive.ts plans the steps; these functions run
// them inside the emulator as a bound script of the bench's own master. `naiveCreate` and `naiveLoadSheet` only stage
// the state before a job (not measured).

/* exported naiveCreate, naiveLoadSheet, naiveRun */

/** Staging, step 1: a spreadsheet for each one the real run had (the bound master is reused). */
function naiveCreate(name) {
  return SpreadsheetApp.create(name).getId();
}

/** Staging, step 2: one sheet's content, in its own execution; formulas in runs along each row. */
function naiveLoadSheet(id, name, values, formulas, keepOnly) {
  var ss = SpreadsheetApp.openById(id);
  var sheet = ss.getSheetByName(name) || ss.insertSheet(name);
  if (keepOnly) {
    ss.getSheets().forEach(function (other) {
      if (keepOnly.indexOf(other.getName()) < 0) ss.deleteSheet(other);
    });
  }
  var rows = values.length;
  if (rows === 0) return;
  var columns = values[0].length;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  var range = sheet.getRange(1, 1, rows, columns);
  range.setNumberFormat('@');
  range.setValues(values);
  formulas.forEach(function (row, r) {
    var start = -1;
    for (var c = 0; c <= row.length; c++) {
      var has = c < row.length && row[c];
      if (has && start < 0) start = c;
      if (!has && start >= 0) {
        sheet.getRange(r + 1, start + 1, 1, c - start).setFormulas([row.slice(start, c)]);
        start = -1;
      }
    }
  });
}

function needsText(value) {
  return typeof value === 'string' && /^[=+\-@\d.]/.test(value.trim());
}

/** Runs steps from `next` until `more()` says this execution has used its time; returns the next step. */
function naiveRun(ops, ids, next, more) {
  var books = {};
  var sheets = {};
  function book(id) {
    if (!books[id]) books[id] = SpreadsheetApp.openById(ids[id] || id);
    return books[id];
  }
  function sheetOf(id, name) {
    var key = id + '\u0000' + name;
    if (!sheets[key]) {
      var sheet = book(id).getSheetByName(name);
      if (!sheet) throw new Error('naive: no sheet ' + name);
      sheets[key] = { sheet: sheet, maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() };
    }
    return sheets[key];
  }
  while (next < ops.length && more()) {
    var op = ops[next++];
    if (op.kind === 'create') {
      var created = SpreadsheetApp.create(op.name);
      ids[op.ss] = created.getId();
      books[op.ss] = created;
    } else if (op.kind === 'insertSheet') {
      book(op.ss).insertSheet(op.sheet);
    } else if (op.kind === 'read') {
      sheetOf(op.ss, op.sheet).sheet.getRange(op.row, op.column).getValue();
    } else if (op.kind === 'append') {
      // A text that Sheets would read as a number or a date (a phone) keeps its apostrophe, as a
      // careful script would write it.
      sheetOf(op.ss, op.sheet).sheet.appendRow(
        op.values.map(function (value) {
          return typeof value === 'string' && /^[+-]?[0-9]/.test(value) ? "'" + value : value;
        }),
      );
    } else {
      var entry = sheetOf(op.ss, op.sheet);
      if (op.row > entry.maxRows) {
        // Even a naive script must grow the grid before it writes past its end.
        entry.sheet.insertRowsAfter(entry.maxRows, op.row - entry.maxRows + 999);
        entry.maxRows = op.row + 999;
      }
      if (op.column > entry.maxColumns) {
        entry.sheet.insertColumnsAfter(entry.maxColumns, op.column - entry.maxColumns);
        entry.maxColumns = op.column;
      }
      var range = entry.sheet.getRange(op.row, op.column);
      if (op.formula) range.setFormula(op.formula);
      else {
        if (needsText(op.value)) range.setNumberFormat('@');
        range.setValue(op.value);
      }
    }
  }
  return next;
}
