// The naive twin of Prozvon's jobs, as a first Apps Script would write them: one getValue or
// setValue per cell, one appendRow per event. bench/naive.ts plans the steps; these functions run
// them inside the emulator as a bound script of the bench's own master. `naiveLoad` only stages
// the state before a job (not measured).

/* exported naiveLoad, naiveRun */

function naiveLoad(books) {
  var ids = {};
  books.forEach(function (book) {
    var ss = book.master ? SpreadsheetApp.getActiveSpreadsheet() : SpreadsheetApp.create(book.name);
    ids[book.id] = ss.getId();
    book.sheets.forEach(function (entry, index) {
      var sheet = ss.getSheetByName(entry.name) || ss.insertSheet(entry.name);
      if (index === 0 && !book.master)
        ss.getSheets().forEach(function (other) {
          if (
            other.getName() !== entry.name &&
            !book.sheets.some(function (e) {
              return e.name === other.getName();
            })
          )
            ss.deleteSheet(other);
        });
      var rows = entry.values.length;
      if (rows === 0) return;
      var columns = entry.values[0].length;
      if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
      if (sheet.getMaxColumns() < columns)
        sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
      var range = sheet.getRange(1, 1, rows, columns);
      range.setNumberFormat('@');
      range.setValues(entry.values);
      entry.formulas.forEach(function (row, r) {
        row.forEach(function (formula, c) {
          if (formula) sheet.getRange(r + 1, c + 1).setFormula(formula);
        });
      });
    });
  });
  return ids;
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
      sheetOf(op.ss, op.sheet).sheet.appendRow(op.values);
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
