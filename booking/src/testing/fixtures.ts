import type { AvailabilityResponse, BookingPreviewResponse, ConcernResponse, LocationResponse } from '@einlass/contracts';
import { testLocation } from '@einlass/web-kit/testing';

export const LOCATION: LocationResponse = testLocation({
  contactEmail: 'buergerbuero@garbsen.example',
  activationTtlMinutes: 120,
  bookingHorizonDays: 60,
  imprintUrl: 'https://example.org/impressum',
  privacyUrl: 'https://example.org/datenschutz',
  accessibilityUrl: 'https://example.org/barrierefreiheit',
  retentionDays: 14,
});

export const CONCERNS: ConcernResponse[] = [
  {
    id: 10,
    name: 'Personalausweis beantragen',
    notes: 'Bitte mitbringen: Passfoto.\n\nGebühr: 37,00 €',
    durationMinutes: 20,
    onlineBookable: true,
  },
  {
    id: 11,
    name: 'Einbürgerung',
    notes: '',
    durationMinutes: 60,
    onlineBookable: false,
    contactHint: 'Bitte vereinbaren Sie diesen Termin per E-Mail.',
  },
];

/** December 2026: the 1st (a Tuesday) has 12 times, the 2nd is booked out, the 3rd has one. */
export function availability(): AvailabilityResponse {
  const times = Array.from({ length: 12 }, (_, i) => {
    const minutes = 8 * 60 + i * 20;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  return {
    days: [
      { date: '2026-12-01', slots: times.map((t) => ({ start: `2026-12-01T${t}:00+01:00`, free: 2 })) },
      { date: '2026-12-02', slots: [] },
      { date: '2026-12-03', slots: [{ start: '2026-12-03T10:00:00+01:00', free: 1 }] },
    ],
  };
}

export const PREVIEW: BookingPreviewResponse = {
  id: 'b-1',
  status: 'reserved',
  start: '2026-12-01T10:00:00+01:00',
  end: '2026-12-01T10:20:00+01:00',
  concern: { id: 10, name: 'Personalausweis beantragen', notes: 'Bitte mitbringen: Passfoto.' },
  location: { id: 1, name: 'Bürgerbüro Garbsen', address: 'Rathausplatz 1, 30823 Garbsen', timezone: 'Europe/Berlin' },
  expiresAt: '2026-11-20T12:00:00+01:00',
  code: null,
};
