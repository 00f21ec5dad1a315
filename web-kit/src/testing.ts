// Test data the apps' component tests share (never imported by app code).
import type { LocationResponse } from '@einlass/contracts';

/** The demo office as the apps' component tests see it; each app adds the settings its tests rely on. */
export function testLocation(
  settings: Omit<LocationResponse, 'id' | 'name' | 'address' | 'timezone' | 'hotline' | 'admission'>,
): LocationResponse {
  return {
    id: 1,
    name: 'Bürgerbüro Garbsen',
    address: 'Rathausplatz 1, 30823 Garbsen',
    timezone: 'Europe/Berlin',
    hotline: {
      phone: '(0 51 31) 707 270',
      hours: [
        { weekday: 1, from: '09:00', to: '12:00' },
        { weekday: 1, from: '13:30', to: '14:30' },
        { weekday: 5, from: '09:00', to: '12:00' },
      ],
    },
    admission: { beforeMinutes: 15, afterMinutes: 10 },
    ...settings,
  };
}
