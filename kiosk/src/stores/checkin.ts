import { concernNameFor, type CheckInOutcome, type CheckInResponse } from '@einlass/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TicketPrintJob } from '../../electron/shared/bridge';
import { isCompleteCode, normalizeCode } from '../code';
import { formatTime } from '../format';
import { useHost } from '../host';
import { textDirection } from '@einlass/web-kit/i18n';
import { currentLanguage, DEFAULT_LANGUAGE, i18n, setLanguage } from '../i18n';
import { useDeviceStore } from './device';

export type AnswerKind = CheckInOutcome | 'too_many_tries' | 'error';

export interface Answer {
  kind: AnswerKind;
  response?: CheckInResponse;
  retryAfterSeconds?: number;
}

/** One citizen at the kiosk: the code being typed, the check-in call and its answer. */
export const useCheckInStore = defineStore('checkin', () => {
  const host = useHost();
  const device = useDeviceStore();
  const code = ref('');
  const busy = ref(false);
  const answer = ref<Answer | null>(null);

  function setCode(value: string): void {
    code.value = normalizeCode(value).slice(0, 9);
  }

  async function submit(raw?: string): Promise<void> {
    if (busy.value) return;
    const entered = normalizeCode(raw ?? code.value);
    code.value = entered.slice(0, 9);
    if (!isCompleteCode(entered)) {
      answer.value = { kind: 'unknown_code' };
      return;
    }
    busy.value = true;
    try {
      const result = await host.checkIn(entered);
      if (result.ok) {
        device.markReachable();
        answer.value = { kind: result.data.outcome, response: result.data };
        if (result.data.outcome === 'admitted') afterAdmission(result.data);
      } else if (result.kind === 'unavailable' || result.kind === 'unauthorized') {
        device.reportProblem(result.kind === 'unauthorized' ? 'unauthorized' : 'unreachable');
        code.value = '';
        answer.value = null;
      } else if (result.kind === 'rate_limited') {
        answer.value = { kind: 'too_many_tries', retryAfterSeconds: result.retryAfterSeconds };
      } else if (result.status === 400 || result.status === 404 || result.status === 422) {
        answer.value = { kind: 'unknown_code' };
      } else {
        answer.value = { kind: 'error' };
      }
    } finally {
      busy.value = false;
    }
  }

  /** Door relay and ticket print run beside the answer; neither may hold up the screen. */
  function afterAdmission(response: CheckInResponse): void {
    void host.signalAdmission().catch(() => undefined);
    if (device.settings?.printer.enabled && response.ticket) {
      void host.printTicket(ticketJob(response, device.location?.name ?? '', device.timezone)).catch(() => undefined);
    }
  }

  /** Back to the welcome screen for the next citizen, in German. */
  function reset(): void {
    code.value = '';
    answer.value = null;
    if (currentLanguage() !== DEFAULT_LANGUAGE) setLanguage(DEFAULT_LANGUAGE);
  }

  return { code, busy, answer, setCode, submit, reset };
});

export function ticketJob(response: CheckInResponse, locationName: string, timezone: string): TicketPrintJob {
  const language = currentLanguage();
  const t = i18n.global.t;
  const lines: string[] = [];
  if (response.start) lines.push(t('answer.admitted.appointment', { time: formatTime(response.start, timezone, language) }));
  const concern = concernNameFor(response, language);
  if (concern) lines.push(t('answer.admitted.concern', { concern }));
  return {
    lang: language,
    dir: textDirection(language),
    locationName,
    heading: t('answer.admitted.ticketLabel'),
    ticket: response.ticket ?? '',
    lines,
    footer: t('answer.admitted.instruction'),
  };
}
