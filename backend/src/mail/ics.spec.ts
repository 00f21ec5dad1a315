import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsEvent } from './ics.js';

const base: IcsEvent = {
  uid: 'booking-42@einlass',
  start: new Date('2026-12-02T09:00:00Z'),
  end: new Date('2026-12-02T09:15:00Z'),
  stamp: new Date('2026-12-01T12:00:00Z'),
  summary: 'Personalausweis; Reisepass, Beglaubigung',
  location: 'Rathaus, Rathausplatz 1; 30823 Garbsen',
  description: 'Bitte mitbringen:\nPersonalausweis, Foto',
  organizerEmail: 'buergerbuero@garbsen.example',
  organizerName: 'Bürgerbüro',
};

function parse(ics: string) {
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  const organizer = event.getFirstProperty('organizer')!;
  return { event, organizer };
}

describe('buildIcs read back by a real iCalendar parser (ical.js)', () => {
  it('quotes an organizer name holding ":", ";" or "," (RFC 5545 §3.2) so the address stays intact', () => {
    const { organizer } = parse(buildIcs({ ...base, organizerName: 'Stadt Garbsen: Bürgerbüro, Rathaus; 1. OG' }));
    expect(organizer.getParameter('cn')).toBe('Stadt Garbsen: Bürgerbüro, Rathaus; 1. OG');
    expect(organizer.getFirstValue()).toBe('mailto:buergerbuero@garbsen.example');
  });

  it('leaves a plain organizer name unquoted', () => {
    const ics = buildIcs(base);
    expect(ics).toContain('ORGANIZER;CN=Bürgerbüro:mailto:');
    expect(parse(ics).organizer.getParameter('cn')).toBe('Bürgerbüro');
  });

  it('drops double quotes and line breaks from the organizer name, which a parameter cannot carry', () => {
    const { organizer } = parse(buildIcs({ ...base, organizerName: 'Das "neue" Rathaus\r\nATTENDEE:x' }));
    expect(organizer.getParameter('cn')).toBe('Das neue RathausATTENDEE:x');
    expect(organizer.getFirstValue()).toBe('mailto:buergerbuero@garbsen.example');
  });

  it('keeps text values with ";", "," and line breaks as written', () => {
    const { event } = parse(buildIcs(base));
    expect(event.getFirstPropertyValue('summary')).toBe(base.summary);
    expect(event.getFirstPropertyValue('location')).toBe(base.location);
    expect(event.getFirstPropertyValue('description')).toBe(base.description);
    expect(event.getFirstPropertyValue('uid')).toBe(base.uid);
  });
});
