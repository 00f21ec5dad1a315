/** What the desk remembers in this browser (through the web kit's safe storage). */
export const STORAGE_KEYS = {
  counter: 'einlass.desk.counterId',
  location: 'einlass.desk.locationId',
  locale: 'einlass.desk.locale',
} as const;
