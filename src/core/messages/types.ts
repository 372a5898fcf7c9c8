// The shape of a message table: every user-visible text exists in Russian and English side by side,
// so a missing translation is a type error rather than a blank in front of a user.

export type Lang = 'ru' | 'en';

export interface Message {
  readonly ru: string;
  readonly en: string;
}

export type MessageTable = Readonly<Record<string, Message>>;
