import type { WeeklyHours } from '@einlass/contracts';

/** A Garbsen-like Bürgerbüro (see shared/seed/garbsen-buergerbuero.txt). Demo mode only. */
export const DEMO_LOCATION = {
  name: 'Bürgerbüro Garbsen (Demo)',
  address: 'Rathausplatz 1, 30823 Garbsen',
  timezone: 'Europe/Berlin',
  contactEmail: 'buergerbuero@garbsen.example',
  hotlinePhone: '(0 51 31) 707 270',
  hotlineHours: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' })),
    ...[1, 2, 4].map((weekday) => ({ weekday, from: '13:30', to: '14:30' })),
  ].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from)) as WeeklyHours[],
};

/** Weekly opening hours; capacity = staffed counters. */
export const DEMO_OPENING_HOURS: { weekday: number; from: string; to: string; capacity: number }[] = [
  { weekday: 1, from: '08:00', to: '12:00', capacity: 4 },
  { weekday: 1, from: '13:00', to: '16:00', capacity: 3 },
  { weekday: 2, from: '08:00', to: '12:00', capacity: 4 },
  { weekday: 2, from: '13:00', to: '18:00', capacity: 3 },
  { weekday: 3, from: '08:00', to: '12:00', capacity: 4 },
  { weekday: 4, from: '08:00', to: '12:00', capacity: 4 },
  { weekday: 4, from: '13:00', to: '18:00', capacity: 3 },
  { weekday: 5, from: '08:00', to: '12:00', capacity: 4 },
];

export interface DemoConcern {
  key: string;
  durationSlots: number;
  onlineBookable: boolean;
  de: { name: string; notes: string; contactHint?: string };
  en: { name: string; notes: string; contactHint?: string };
}

export const DEMO_CONCERNS: DemoConcern[] = [
  {
    key: 'id-card',
    durationSlots: 2,
    onlineBookable: true,
    de: {
      name: 'Personalausweis beantragen',
      notes:
        'Bitte mitbringen: bisheriger Ausweis oder Reisepass, ein aktuelles biometrisches Passfoto (35 × 45 mm); bei Kindern unter 16 Jahren die Zustimmung beider Sorgeberechtigten.\n\nGebühr: 37,00 € (unter 24 Jahren 22,80 €), zahlbar mit Karte oder bar.\n\nDer Ausweis liegt nach etwa 3–4 Wochen zur Abholung bereit.',
    },
    en: {
      name: 'Apply for an identity card',
      notes:
        'Please bring: your current identity card or passport and a recent biometric photo (35 × 45 mm); for children under 16 the consent of both parents.\n\nFee: €37.00 (under 24: €22.80), payable by card or cash.\n\nThe card is ready for collection after about 3–4 weeks.',
    },
  },
  {
    key: 'passport',
    durationSlots: 2,
    onlineBookable: true,
    de: {
      name: 'Reisepass beantragen',
      notes:
        'Bitte mitbringen: Personalausweis oder bisherigen Reisepass, ein aktuelles biometrisches Passfoto; bei Minderjährigen Geburtsurkunde und Zustimmung beider Sorgeberechtigten.\n\nGebühr: 70,00 € (unter 24 Jahren 37,50 €); Expresspass gegen Aufpreis.',
    },
    en: {
      name: 'Apply for a passport',
      notes:
        'Please bring: identity card or current passport, a recent biometric photo; for minors the birth certificate and consent of both parents.\n\nFee: €70.00 (under 24: €37.50); express passport at extra cost.',
    },
  },
  {
    key: 'register',
    durationSlots: 1,
    onlineBookable: true,
    de: {
      name: 'Wohnsitz anmelden oder ummelden',
      notes:
        'Bitte mitbringen: Personalausweis oder Reisepass aller umziehenden Personen und die Wohnungsgeberbestätigung Ihres Vermieters.\n\nDie Anmeldung ist gebührenfrei; bitte melden Sie sich innerhalb von zwei Wochen nach dem Einzug an.',
    },
    en: {
      name: 'Register or change your address',
      notes:
        "Please bring: identity card or passport of everyone moving and the landlord's confirmation (Wohnungsgeberbestätigung).\n\nRegistration is free of charge; please register within two weeks of moving in.",
    },
  },
  {
    key: 'certificate',
    durationSlots: 1,
    onlineBookable: true,
    de: { name: 'Meldebescheinigung', notes: 'Bitte mitbringen: Personalausweis oder Reisepass.\n\nGebühr: 10,00 €.' },
    en: { name: 'Certificate of registration', notes: 'Please bring: identity card or passport.\n\nFee: €10.00.' },
  },
  {
    key: 'conduct',
    durationSlots: 1,
    onlineBookable: true,
    de: {
      name: 'Führungszeugnis beantragen',
      notes:
        'Bitte mitbringen: Personalausweis oder Reisepass; für ein erweitertes Führungszeugnis die schriftliche Aufforderung der anfordernden Stelle.\n\nGebühr: 13,00 €. Das Zeugnis wird Ihnen vom Bundesamt für Justiz zugeschickt.',
    },
    en: {
      name: 'Certificate of good conduct',
      notes:
        'Please bring: identity card or passport; for an extended certificate the written request of the requesting body.\n\nFee: €13.00. The Federal Office of Justice sends you the certificate.',
    },
  },
  {
    key: 'copies',
    durationSlots: 1,
    onlineBookable: true,
    de: { name: 'Beglaubigung von Kopien', notes: 'Bitte mitbringen: das Original und die Kopien.\n\nGebühr: ab 5,00 € je Seite.' },
    en: { name: 'Certification of copies', notes: 'Please bring: the original and the copies.\n\nFee: from €5.00 per page.' },
  },
  {
    key: 'lost-property',
    durationSlots: 1,
    onlineBookable: false,
    de: {
      name: 'Fundsachen',
      notes: 'Verloren oder gefunden? Das Fundbüro hilft Ihnen weiter.',
      contactHint:
        'Fundsachen können nicht online gebucht werden. Bitte schreiben Sie eine E-Mail an das Bürgerbüro; wir melden uns mit einem Termin.',
    },
    en: {
      name: 'Lost property',
      notes: 'Lost or found something? The lost-property office will help.',
      contactHint:
        'Lost property cannot be booked online. Please write an e-mail to the citizen office; we will get back to you with an appointment.',
    },
  },
];

/** Counter → concern keys it serves. */
export const DEMO_COUNTERS: { name: string; concerns: string[] }[] = [
  { name: 'Schalter 1', concerns: ['id-card', 'passport', 'register', 'certificate', 'conduct', 'copies'] },
  { name: 'Schalter 2', concerns: ['id-card', 'passport', 'register', 'certificate', 'conduct', 'copies'] },
  { name: 'Schalter 3', concerns: ['id-card', 'passport', 'register', 'certificate'] },
  { name: 'Schalter 4', concerns: ['register', 'certificate', 'conduct', 'copies', 'lost-property'] },
  { name: 'Schalter 5', concerns: ['lost-property', 'copies'] },
];
