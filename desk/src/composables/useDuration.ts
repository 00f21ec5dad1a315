import { useI18n } from 'vue-i18n';

/** "12 Min." or, from an hour on, "1 Std. 5 Min." */
export function useDuration() {
  const { t } = useI18n();
  return (minutes: number): string =>
    minutes < 60 ? t('common.minutes', { n: minutes }) : t('common.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}
