import { concernNameFor, type KioskLanguage } from '@einlass/contracts';
import { formatDate, formatTime } from './format';
import { i18n } from './i18n';
import type { Answer } from './stores/checkin';

export interface AnswerText {
  title: string;
  lines: string[];
}

/** The words of an answer screen, also read out by the live region. Never a citizen's name. */
export function answerText(answer: Answer, timezone: string, language: KioskLanguage): AnswerText {
  const t = i18n.global.t;
  const r = answer.response;
  switch (answer.kind) {
    case 'admitted': {
      const lines: string[] = [];
      if (r?.start) lines.push(t('answer.admitted.appointment', { time: formatTime(r.start, timezone, language) }));
      const concern = r ? concernNameFor(r, language) : undefined;
      if (concern) lines.push(t('answer.admitted.concern', { concern }));
      lines.push(t('answer.admitted.instruction'));
      return { title: t('answer.admitted.title'), lines };
    }
    case 'too_early':
      return {
        title: t('answer.too_early.title'),
        lines: [
          r?.comeBackAt
            ? t('answer.too_early.text', { time: formatTime(r.comeBackAt, timezone, language) })
            : t('answer.too_early.textNoTime'),
        ],
      };
    case 'not_today':
      return {
        title: t('answer.not_today.title'),
        lines: [r?.date ? t('answer.not_today.text', { date: formatDate(r.date, language) }) : t('answer.not_today.textNoDate')],
      };
    case 'too_many_tries': {
      const lines = [t('answer.too_many_tries.text')];
      if (answer.retryAfterSeconds) lines.push(t('answer.too_many_tries.wait', { seconds: answer.retryAfterSeconds }));
      return { title: t('answer.too_many_tries.title'), lines };
    }
    case 'too_late':
    case 'not_confirmed':
    case 'cancelled':
    case 'unknown_code':
    case 'error':
      return { title: t(`answer.${answer.kind}.title`), lines: [t(`answer.${answer.kind}.text`)] };
  }
}
