/**
 * The record's own phrases in English and French, from one catalogue (as the consoles'
 * strings are): every export that prints a fixed phrase takes it from here. Names, titles and
 * summaries are the users' own and are never translated.
 */
export type RecordLanguage = 'en' | 'fr';
export const RECORD_LANGUAGES: readonly RecordLanguage[] = ['en', 'fr'];

const ORDINAL_EN = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
/** A sentence ending in a time: no second full stop after "a.m.". */
const stop = (s: string) => (s.endsWith('.') ? s : `${s}.`);
const ORDINAL_FR = (n: number) => (n === 1 ? '1re' : `${n}e`);

export interface RecordPhrases {
  summaryRecord(meetingNumber?: number): string;
  heldAt(venue: string | undefined, date: string, time: string | undefined): string;
  presiding(count: number): string;
  contents: string;
  notReached: string;
  calledToOrder(time: string): string;
  rose(time: string): string;
  suspended(time: string): string;
  resumed(time: string): string;
  itemHeading(position: number, title: string): string;
  onBehalfOf(group: string): string;
  speakingIn(language: string): string;
  madeStatement: string;
  action: Record<string, { bare: string; lead: string }>;
  ruling(chair: string, upheld: boolean): string;
  president: string;
  correctionNote: string;
  listOfSpeakers: string;
  columns: Record<'no' | 'item' | 'speaker' | 'delegation' | 'capacity' | 'type' | 'mode' | 'language' | 'started' | 'allotted' | 'spoken' | 'overrun', string>;
  remote: string;
  inRoom: string;
}

export const PHRASES: Record<RecordLanguage, RecordPhrases> = {
  en: {
    summaryRecord: (n) => (n ? `Summary record of the ${ORDINAL_EN(n)} meeting` : 'Summary record'),
    heldAt: (venue, date, time) => `Held${venue ? ` at ${venue}` : ''}, on ${date}${time ? `, at ${time}` : ''}`,
    presiding: (count) => (count > 1 ? 'Co-Chairs:' : 'President:'),
    contents: 'Contents',
    notReached: '(not taken up)',
    calledToOrder: (t) => stop(`The meeting was called to order at ${t}`),
    rose: (t) => stop(`The meeting rose at ${t}`),
    suspended: (t) => stop(`The meeting was suspended at ${t}`),
    resumed: (t) => stop(`The meeting resumed at ${t}`),
    itemHeading: (p, t) => `Agenda item ${p}: ${t}`,
    onBehalfOf: (g) => `, speaking on behalf of the ${g},`,
    speakingIn: (l) => ` (spoke in ${l})`,
    madeStatement: 'made a statement.',
    action: {
      statement: { bare: 'made a statement.', lead: '' },
      'point-of-order': { bare: 'rose to a point of order.', lead: ', speaking on a point of order,' },
      'right-of-reply': { bare: 'spoke in exercise of the right of reply.', lead: ', speaking in exercise of the right of reply,' },
      question: { bare: 'asked a question.', lead: ', asking a question,' },
      'procedural-motion': { bare: 'spoke on a procedural motion.', lead: ', speaking on a procedural motion,' },
    },
    ruling: (chair, upheld) => `${chair} ruled that the point of order was ${upheld ? 'well taken' : 'not well taken'}.`,
    president: 'The President',
    correctionNote: 'This record is subject to correction. Corrections should be submitted in one of the working languages, set forth in a memorandum and also incorporated in a copy of the record. They should be sent within one week of the date of this document to the Secretariat of the meeting.',
    listOfSpeakers: 'List of speakers with speaking times',
    columns: { no: 'No.', item: 'Item', speaker: 'Speaker', delegation: 'Delegation', capacity: 'Capacity', type: 'Type', mode: 'Mode', language: 'Language', started: 'Started', allotted: 'Allotted', spoken: 'Spoken', overrun: 'Over time' },
    remote: 'remote',
    inRoom: 'in the room',
  },
  fr: {
    summaryRecord: (n) => (n ? `Compte rendu analytique de la ${ORDINAL_FR(n)} séance` : 'Compte rendu analytique'),
    heldAt: (venue, date, time) => `Tenue${venue ? ` à ${venue}` : ''}, le ${date}${time ? `, à ${time}` : ''}`,
    presiding: (count) => (count > 1 ? 'Coprésidence :' : 'Présidence :'),
    contents: 'Table des matières',
    notReached: '(non examiné)',
    calledToOrder: (t) => `La séance est ouverte à ${t}.`,
    rose: (t) => `La séance est levée à ${t}.`,
    suspended: (t) => `La séance est suspendue à ${t}.`,
    resumed: (t) => `La séance reprend à ${t}.`,
    itemHeading: (p, t) => `Point ${p} de l’ordre du jour : ${t}`,
    onBehalfOf: (g) => `, parlant au nom du ${g},`,
    speakingIn: (l) => ` (s’exprime en ${l})`,
    madeStatement: 'fait une déclaration.',
    action: {
      statement: { bare: 'fait une déclaration.', lead: '' },
      'point-of-order': { bare: 'soulève une motion d’ordre.', lead: ', soulevant une motion d’ordre,' },
      'right-of-reply': { bare: 'exerce son droit de réponse.', lead: ', exerçant son droit de réponse,' },
      question: { bare: 'pose une question.', lead: ', posant une question,' },
      'procedural-motion': { bare: 'prend la parole sur une motion de procédure.', lead: ', sur une motion de procédure,' },
    },
    ruling: (chair, upheld) => `${chair} décide que la motion d’ordre est ${upheld ? 'recevable' : 'irrecevable'}.`,
    president: 'La présidence',
    correctionNote: 'Le présent compte rendu est sujet à rectifications. Celles-ci doivent être rédigées dans l’une des langues de travail, présentées dans un mémorandum et apportées sur un exemplaire du compte rendu. Elles doivent être adressées au Secrétariat de la réunion dans un délai d’une semaine à compter de la date du présent document.',
    listOfSpeakers: 'Liste des orateurs et temps de parole',
    columns: { no: 'No', item: 'Point', speaker: 'Orateur', delegation: 'Délégation', capacity: 'Qualité', type: 'Type', mode: 'Mode', language: 'Langue', started: 'Début', allotted: 'Temps alloué', spoken: 'Temps de parole', overrun: 'Dépassement' },
    remote: 'à distance',
    inRoom: 'en salle',
  },
};

const LANGUAGE_NAMES: Record<RecordLanguage, Record<string, string>> = {
  en: { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' },
  fr: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
};

/** The six official languages of the United Nations, by ISO 639-1 code. */
export const OFFICIAL_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** "French" for 'fr'; another language keeps the name the setup gave it. */
export const languageName = (code: string, lang: RecordLanguage = 'en'): string =>
  (Object.hasOwn(LANGUAGE_NAMES[lang], code) ? LANGUAGE_NAMES[lang][code] : code);

export const isOfficialLanguage = (code: string | undefined): boolean => code !== undefined && (OFFICIAL_LANGUAGES as readonly string[]).includes(code);
