// Names of the top-level functions that Prozvon's installable triggers call. Pure data, so the
// bundle test can check each one exists in dist/Code.js.

export const TRIGGER_HANDLERS = {
  /** Installable onEdit of each weekly workbook (not named onEdit, which would also run as a simple trigger). */
  workbookEdit: 'onWorkbookEdit',
  /** Nightly reconcile of the active campaigns. */
  nightlyReconcile: 'nightlyReconcile',
  /** The daily summary, at the hour in Settings. */
  dailySummary: 'dailySummary',
  /** Installable onEdit of the master: Team changes reach sharing and protection at once. */
  masterEdit: 'onMasterEdit',
  /** Installable onChange of the master: rows deleted from Team or a managers sheet fire no edit. */
  masterChange: 'onMasterChange',
} as const;

export type TriggerHandler = (typeof TRIGGER_HANDLERS)[keyof typeof TRIGGER_HANDLERS];

/** Google allows 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;

/** Hour (spreadsheet time zone) of the nightly reconcile. */
export const NIGHTLY_RECONCILE_HOUR = 2;
