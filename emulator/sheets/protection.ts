// Protected sheets and ranges: the Protection object and the rule that decides whether a user
// may edit some cells. Until a script changes a protection's editors it mirrors the
// spreadsheet's sharing (effectively unprotected); the owner can always edit, removeEditor(s)
// never removes the owner or the user running the script, and warning-only protections let
// everyone edit. Only a user who may edit the protected area may read its editors or change
// the protection: anyone else's script gets an exception, as Google's does.

import { contains, intersects, type Rect } from './a1';
import type { Api } from './api';
import { SHEETS_ERRORS, signatureError } from './errors';
import { asRangeHandle } from './handles';
import type { SheetModel } from './model';

export type ProtectionType = 'RANGE' | 'SHEET';
export const PROTECTION_TYPE: Record<ProtectionType, ProtectionType> = { RANGE: 'RANGE', SHEET: 'SHEET' };

export interface ProtectionData {
  readonly type: ProtectionType;
  readonly sheet: SheetModel;
  /** The protected cells of a RANGE protection (a SHEET protection covers the whole sheet). */
  readonly rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** `null` until a script changes the editors: the protection then mirrors the spreadsheet. */
  editors: Set<string> | null;
  unprotected: Rect[];
  removed: boolean;
}

/** The first protection that forbids `user` to edit any cell of `rect`, or null. */
export function blockingProtection(sheet: SheetModel, rect: Rect, user: string): ProtectionData | null {
  const email = user.toLowerCase();
  if (email !== '' && email === sheet.parent.owner.toLowerCase()) return null;
  for (const protection of sheet.protections) {
    if (protection.removed || protection.warningOnly || protection.editors === null) continue;
    if (email !== '' && protection.editors.has(email)) continue;
    if (covers(protection, rect)) return protection;
  }
  return null;
}

/**
 * Whether `user` may edit the area a protection covers, and so read or change the protection:
 * an editor of the spreadsheet who is its owner, or is listed, or any editor while the list
 * was never changed (the protection mirrors the sharing) or the protection only warns.
 */
export function mayEditProtected(protection: ProtectionData, user: string): boolean {
  const email = user.toLowerCase();
  const spreadsheet = protection.sheet.parent;
  if (!spreadsheet.canEdit(email)) return false;
  if (email === spreadsheet.owner.toLowerCase()) return true;
  if (protection.warningOnly || protection.editors === null) return true;
  return protection.editors.has(email);
}

function covers(protection: ProtectionData, rect: Rect): boolean {
  if (protection.type === 'RANGE') return protection.rect !== null && intersects(protection.rect, rect);
  if (protection.unprotected.length === 0) return true;
  // Common case first: the edit lies inside one unprotected range.
  if (protection.unprotected.some((free) => containsRect(free, rect))) return false;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      if (!protection.unprotected.some((free) => contains(free, r, c))) return true;
    }
  }
  return false;
}

function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    contains(outer, inner.row, inner.column) &&
    contains(outer, inner.row + inner.numRows - 1, inner.column + inner.numColumns - 1)
  );
}

/** The Protection object (reference/spreadsheet/protection). */
export class ProtectionImpl {
  constructor(
    readonly _data: ProtectionData,
    private readonly api: Api,
  ) {}

  private self(): GoogleAppsScript.Spreadsheet.Protection {
    return this.api.wrap(this, 'Protection');
  }

  /** The user running the script, who can never remove themselves. */
  private currentUser(): string {
    return this.api.currentUser().toLowerCase();
  }

  /**
   * Reading the editors or changing the protection needs the right to edit the protected area
   * (reference/spreadsheet/protection#getEditors, #canDomainEdit). The test surface, outside
   * any execution, may do anything.
   */
  private assertMayManage(): void {
    if (!this.api.runtime.hasContext()) return;
    if (!mayEditProtected(this._data, this.currentUser())) throw new Error(SHEETS_ERRORS.protectionDenied);
  }

  /** First change to the editors: start from the spreadsheet's editors plus the current user. */
  private editorSet(): Set<string> {
    if (this._data.editors === null) {
      const spreadsheet = this._data.sheet.parent;
      this._data.editors = new Set([...spreadsheet.editors]);
      const me = this.currentUser();
      if (me !== '' && me !== spreadsheet.owner.toLowerCase()) this._data.editors.add(me);
    }
    return this._data.editors;
  }

  addEditor(user: unknown): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    this.editorSet().add(emailOf(user, 'addEditor'));
    return this.self();
  }

  addEditors(users: unknown): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    if (!Array.isArray(users)) throw signatureError([users], 'Protection', 'addEditors');
    for (const user of users) this.editorSet().add(emailOf(user, 'addEditors'));
    return this.self();
  }

  removeEditor(user: unknown): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    this.remove1(emailOf(user, 'removeEditor'));
    return this.self();
  }

  removeEditors(users: unknown): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    if (!Array.isArray(users)) throw signatureError([users], 'Protection', 'removeEditors');
    for (const user of users) this.remove1(emailOf(user, 'removeEditors'));
    return this.self();
  }

  private remove1(email: string): void {
    const editors = this.editorSet();
    if (email === this.currentUser()) return; // never removes the user running the script
    editors.delete(email);
  }

  /** The owner is not listed (gas-fakes oddities); a mirroring protection lists the spreadsheet's editors. */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.assertMayManage();
    const editors = this._data.editors ?? this._data.sheet.parent.editors;
    return [...editors].sort().map((email) => this.api.user(email));
  }

  canEdit(): boolean {
    if (!this.api.runtime.hasContext()) return true;
    return mayEditProtected(this._data, this.currentUser());
  }

  canDomainEdit(): boolean {
    this.assertMayManage();
    return false;
  }

  setDomainEdit(editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    if (editable) throw new Error('Domain edit is not available for this spreadsheet.');
    this.editorSet();
    return this.self();
  }

  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    this._data.warningOnly = Boolean(warningOnly);
    return this.self();
  }

  isWarningOnly(): boolean {
    return this._data.warningOnly;
  }

  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    this._data.description = String(description);
    return this.self();
  }

  getDescription(): string {
    return this._data.description;
  }

  getProtectionType(): ProtectionType {
    return this._data.type;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    if (this._data.type === 'SHEET')
      return this.api.range(this._data.sheet, this._data.sheet.wholeSheet(), true);
    return this.api.range(this._data.sheet, this._data.rect ?? this._data.sheet.wholeSheet());
  }

  setUnprotectedRanges(ranges: unknown): GoogleAppsScript.Spreadsheet.Protection {
    this.assertMayManage();
    if (!Array.isArray(ranges)) throw signatureError([ranges], 'Protection', 'setUnprotectedRanges');
    // Documented: throws for a range protection, or when a range is not on the protected sheet.
    if (this._data.type !== 'SHEET') throw new Error(SHEETS_ERRORS.unprotectedOnRange);
    const rects = ranges.map((range) => {
      const handle = asRangeHandle(range);
      if (!handle) throw signatureError([ranges], 'Protection', 'setUnprotectedRanges');
      if (handle._sheet !== this._data.sheet) throw new Error(SHEETS_ERRORS.unprotectedElsewhere);
      return handle._rect;
    });
    this._data.unprotected = rects;
    return this.self();
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._data.unprotected.map((rect) => this.api.range(this._data.sheet, rect));
  }

  remove(): void {
    this.assertMayManage();
    this._data.removed = true;
    const list = this._data.sheet.protections;
    const index = list.indexOf(this._data);
    if (index >= 0) list.splice(index, 1);
  }
}

function emailOf(user: unknown, method: string): string {
  if (typeof user === 'string') return user.toLowerCase();
  if (typeof user === 'object' && user !== null && 'getEmail' in user) {
    return String((user as { getEmail(): string }).getEmail()).toLowerCase();
  }
  throw signatureError([user], 'Protection', method);
}
