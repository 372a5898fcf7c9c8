// The cells of a Clients row that name a client and say how to reach them: what planning, the
// client card and a new client's row all read (each adds what it needs besides).

/** A client as the Clients sheet names and reaches them. */
export interface ClientRecord {
  readonly id: string;
  readonly organisation: string;
  readonly contact: string;
  /** As typed (write with asSheetText). */
  readonly phone: string;
  /** The normalised phone (PhoneResult.normalised), or '' when the client has only an e-mail. */
  readonly phoneE164: string;
  readonly email: string;
  /** The manager's e-mail. */
  readonly manager: string;
}
