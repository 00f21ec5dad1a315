export type MailKind = 'activation' | 'confirmation' | 'reminder' | 'cancellation';

/** Everything a booking mail shows; rendered when the worker sends it. */
export interface BookingMailPayload {
  bookingId: string;
  citizenName: string;
  language: 'de' | 'en';
  start: string; // ISO instant
  end: string;
  timezone: string;
  concernName: string;
  concernNotes: string;
  locationName: string;
  address: string;
  contactEmail: string;
  hotlinePhone: string;
  code?: string;
  activationUrl?: string;
  expiresAt?: string;
  cancelUrl?: string;
  admissionBeforeMinutes?: number;
}

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  bookingId: string | null;
  payload: BookingMailPayload;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: {
    filename: string;
    content: Buffer | string;
    contentType: string;
    cid?: string;
    contentDisposition?: 'inline' | 'attachment';
  }[];
}
