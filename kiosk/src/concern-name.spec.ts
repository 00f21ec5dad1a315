import { concernNameFor } from '@einlass/contracts';
import { describe, expect, it } from 'vitest';

describe('concernNameFor', () => {
  const response = {
    concern: 'Personalausweis beantragen',
    concernNames: { de: 'Personalausweis beantragen', en: 'Apply for an identity card' },
  };

  it('uses the language of the kiosk where the office keeps it', () => {
    expect(concernNameFor(response, 'de')).toBe('Personalausweis beantragen');
    expect(concernNameFor(response, 'en')).toBe('Apply for an identity card');
  });

  it('falls back to English for other languages, then to German', () => {
    expect(concernNameFor(response, 'tr')).toBe('Apply for an identity card');
    expect(concernNameFor({ concern: 'Meldebescheinigung', concernNames: { de: 'Meldebescheinigung' } }, 'ar')).toBe('Meldebescheinigung');
    expect(concernNameFor({ concern: 'Meldebescheinigung' }, 'uk')).toBe('Meldebescheinigung');
  });
});
