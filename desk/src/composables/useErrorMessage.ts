import { useI18n } from 'vue-i18n';
import { ApiRequestError } from '@einlass/web-kit/api';

/** One readable sentence for any failure, from the API's error code. */
export function useErrorMessage() {
  const { t, te } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiRequestError) {
      if (error.code === 'rate_limited' && error.body?.retryAfterSeconds) {
        return t('errors.rate_limited_wait', { seconds: error.body.retryAfterSeconds });
      }
      const key = `errors.${error.code}`;
      return te(key) ? t(key) : t('errors.unknown', { status: error.status });
    }
    return t('errors.unknown', { status: '–' });
  };
}
