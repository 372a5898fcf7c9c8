// The demo organisation: two administrators, their managers and each manager's clients, generated
// deterministically from a seed. The clients look like a real Russian sales list: ООО/ИП/АО names,
// phones typed every way people type them (some with an extension, a few unusable), a few
// duplicates of earlier rows and a few clients who asked never to be called.

import type { Lang } from '../src/core/messages';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same organisation. */
export type Random = () => number;

export function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick: no items');
  return item;
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export interface Person {
  readonly email: string;
  readonly name: string;
}

export interface Team {
  readonly name: string;
  readonly administrator: Person;
  readonly managers: readonly Person[];
}

export interface Client {
  readonly id: string;
  readonly organisation: string;
  readonly contact: string;
  readonly phone: string;
  readonly email: string;
  readonly manager: string;
  readonly doNotCall: boolean;
  readonly reason: string;
}

export interface Organisation {
  readonly teams: readonly Team[];
  readonly clients: readonly Client[];
  /** How many clients are re-typed copies of an earlier one, and how many phones are unusable. */
  readonly duplicates: number;
  readonly invalidPhones: number;
}

const SURNAMES = [
  ['Петрова', 'Анна', 'f'],
  ['Сидоров', 'Олег', 'm'],
  ['Иванов', 'Иван', 'm'],
  ['Смирнова', 'Ольга', 'f'],
  ['Кузнецов', 'Пётр', 'm'],
  ['Попова', 'Мария', 'f'],
  ['Волков', 'Антон', 'm'],
  ['Соколова', 'Екатерина', 'f'],
  ['Лебедев', 'Дмитрий', 'm'],
  ['Козлова', 'Наталья', 'f'],
  ['Новиков', 'Сергей', 'm'],
  ['Морозова', 'Ирина', 'f'],
  ['Егоров', 'Алексей', 'm'],
  ['Павлова', 'Татьяна', 'f'],
  ['Семёнов', 'Виктор', 'm'],
  ['Голубева', 'Елена', 'f'],
  ['Виноградов', 'Михаил', 'm'],
  ['Богданова', 'Светлана', 'f'],
  ['Воробьёв', 'Николай', 'm'],
  ['Фёдорова', 'Юлия', 'f'],
] as const;

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}; // prettier-ignore

/** Cyrillic to Latin for e-mail addresses and file names ('Команда Петровой' → 'komanda-petrovoy'). */
export function transliterate(text: string): string {
  return [...text.toLowerCase()]
    .map((char) => LATIN[char] ?? char)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const FIRST_NAMES = {
  m: ['Андрей', 'Владимир', 'Игорь', 'Максим', 'Роман', 'Юрий', 'Геннадий', 'Станислав', 'Артём'],
  f: ['Алла', 'Вера', 'Галина', 'Дарья', 'Жанна', 'Лариса', 'Марина', 'Оксана', 'Полина'],
} as const;
const CONTACT_SURNAMES = {
  m: ['Абрамов', 'Белов', 'Гришин', 'Данилов', 'Зайцев', 'Карпов', 'Макаров', 'Орлов', 'Тихонов', 'Шубин'],
  f: ['Абрамова', 'Белова', 'Гришина', 'Данилова', 'Зайцева', 'Карпова', 'Макарова', 'Орлова', 'Тихонова'],
} as const;
const PATRONYMIC_INITIALS = 'АБВГДЕИКЛМНОПРСТ';
const NAME_WORDS = [
  'Северный ветер', 'СтройИнвест', 'ТехноСервис', 'Вектор', 'Альфа-Логистик', 'Уральские сети',
  'Меридиан', 'Гарант Плюс', 'Новые технологии', 'Промсбыт', 'Агроресурс', 'Балтика-Трейд',
  'Сибирский стандарт', 'Медтехника', 'Континент', 'Энергоаудит', 'Компас', 'Волга-Снаб',
  'Старт', 'Премьер', 'Спектр', 'Орион', 'Фаворит', 'Атлант', 'Бизнес-Консалт', 'Кедр',
]; // prettier-ignore
const DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'list.ru'];
const AREA_CODES = ['495', '499', '812', '343', '383', '846', '863', '861'];

function contactName(random: Random): { full: string; surname: string; first: string } {
  const gender = chance(random, 0.5) ? 'm' : 'f';
  const surname = pick(random, CONTACT_SURNAMES[gender]);
  const first = pick(random, FIRST_NAMES[gender]);
  return { full: `${surname} ${first}`, surname, first };
}

function organisationName(random: Random, serial: number): string {
  const roll = random();
  const word = pick(random, NAME_WORDS);
  const numbered = serial % 7 === 0 ? `-${(serial % 90) + 10}` : '';
  if (roll < 0.55) return `ООО «${word}${numbered}»`;
  if (roll < 0.75) {
    const gender = chance(random, 0.5) ? 'm' : 'f';
    const initials = `${pick(random, [...PATRONYMIC_INITIALS])}.${pick(random, [...PATRONYMIC_INITIALS])}.`;
    return `ИП ${pick(random, CONTACT_SURNAMES[gender])} ${initials}`;
  }
  if (roll < 0.88) return `АО «${word}${numbered}»`;
  if (roll < 0.94) return `ПАО «${word}»`;
  return `ЗАО «${word}${numbered}»`;
}

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

/** A valid Russian number typed one of the usual ways, sometimes with an extension. */
function typedPhone(random: Random): string {
  const mobile = chance(random, 0.7);
  const code = mobile ? `9${digits(random, 2)}` : pick(random, AREA_CODES);
  const n = digits(random, 7);
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 5), n.slice(5, 7)];
  const styles = [
    `+7 (${code}) ${a}-${b}-${c}`,
    `8 (${code}) ${a}-${b}-${c}`,
    `+7${code}${n}`,
    `8${code}${n}`,
    `8-${code}-${a}-${b}-${c}`,
    `${code} ${a} ${b} ${c}`,
    `+7 ${code} ${a} ${b} ${c}`,
    `7${code}${n}`,
  ];
  const phone = pick(random, styles);
  if (!mobile && chance(random, 0.25))
    return `${phone} ${pick(random, ['доб.', 'доб', 'ext.', '#'])} ${digits(random, 3)}`;
  return phone;
}

/** A phone a person would type but no one can dial. */
function unusablePhone(random: Random): string {
  return pick(random, ['12-34', 'нет', '8 (800)', '+7 999 12', 'уточнить', '000']);
}

/** The same phone typed differently, as happens when a client comes from two lists. */
function retyped(phone: string): string {
  const only = phone.replace(/\D/g, '');
  const national = only.length === 11 ? only.slice(1) : only;
  return `8 ${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8, 10)}`;
}

export interface SeedOptions {
  readonly seed: number;
  readonly managers: number;
  readonly clientsPerManager: number;
  readonly lang: Lang;
}

export const DEMO_DOMAIN = 'prozvon-demo.ru';
/** The administrators are always Petrova and Sidorov (the first two people), so their teams' names are fixed. */
const TEAM_NAMES: Record<Lang, readonly [string, string]> = {
  ru: ['Отдел Петровой', 'Отдел Сидорова'],
  en: ['Petrova team', 'Sidorov team'],
};

/** A Russian name as an English text writes it: 'Кузнецов Пётр' → 'Kuznetsov Petr'. */
export function latinName(text: string): string {
  return text
    .split(' ')
    .map((word) => {
      const latin = [...word.toLowerCase()].map((char) => LATIN[char] ?? char).join('');
      return latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join(' ');
}

function person(index: number, lang: Lang): Person {
  const entry = SURNAMES[index % SURNAMES.length]!;
  const [surname, first] = entry;
  const suffix = index >= SURNAMES.length ? String(Math.floor(index / SURNAMES.length) + 1) : '';
  const name = `${surname}${suffix ? ` ${suffix}` : ''} ${first}`;
  return {
    email: `${transliterate(surname)}${suffix}@${DEMO_DOMAIN}`,
    name: lang === 'ru' ? name : latinName(name),
  };
}

/** Two teams: the first administrator leads about 60 % of the managers, the second the rest. */
export function seedOrganisation(options: SeedOptions): Organisation {
  const random = randomFrom(options.seed);
  const people = Array.from({ length: options.managers + 2 }, (_, index) => person(index, options.lang));
  const [firstAdmin, secondAdmin, ...managers] = people;
  if (!firstAdmin || !secondAdmin) throw new Error('seedOrganisation: no administrators');
  const firstSize = Math.max(1, Math.ceil(managers.length * 0.6));
  const teams: Team[] = [
    { name: TEAM_NAMES[options.lang][0], administrator: firstAdmin, managers: managers.slice(0, firstSize) },
    { name: TEAM_NAMES[options.lang][1], administrator: secondAdmin, managers: managers.slice(firstSize) },
  ].filter((team) => team.managers.length > 0);

  const clients: Client[] = [];
  let duplicates = 0;
  let invalidPhones = 0;
  let serial = 0;
  for (const manager of managers) {
    for (let index = 0; index < options.clientsPerManager; index++) {
      serial++;
      const earlier = clients.length > 20 && chance(random, 0.03) ? pick(random, clients) : undefined;
      if (earlier) {
        // A duplicate: the same organisation from another list, phone typed another way.
        duplicates++;
        clients.push({
          ...earlier,
          id: clientId(serial),
          phone: retyped(earlier.phone),
          manager: manager.email,
          doNotCall: false,
          reason: '',
        });
        continue;
      }
      const contact = contactName(random);
      const invalid = chance(random, 0.02);
      if (invalid) invalidPhones++;
      const doNotCall = chance(random, 0.02);
      const email = chance(random, 0.6)
        ? `${transliterate(contact.surname)}.${transliterate(contact.first)}${serial}@${pick(random, DOMAINS)}`
        : '';
      clients.push({
        id: clientId(serial),
        organisation: organisationName(random, serial),
        contact: contact.full,
        phone: invalid ? unusablePhone(random) : typedPhone(random),
        email,
        manager: manager.email,
        doNotCall,
        reason: doNotCall ? pick(random, ['просил не звонить', 'жалоба', 'закрылись']) : '',
      });
    }
  }
  return { teams, clients, duplicates, invalidPhones };
}

function clientId(serial: number): string {
  return `C-${String(serial).padStart(6, '0')}`;
}
