import type { BookingLanguage, ConcernResponse } from '@einlass/contracts';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import { useSiteStore } from './site';

/** The chosen office's concerns in the page language. */
export const useConcernsStore = defineStore('concerns', () => {
  const site = useSiteStore();
  const concerns = ref<ConcernResponse[]>([]);
  const concernsLoading = ref(false);
  const concernsError = ref<ApiRequestError | null>(null);

  /** Concerns for one office and language; a request already on its way is shared, and only the latest answer counts. */
  let concernsRequest: { key: string; promise: Promise<void> } | null = null;
  function loadConcerns(language: BookingLanguage): Promise<void> {
    const location = site.locationId;
    if (location === null) return Promise.resolve();
    const key = `${location}:${language}`;
    if (concernsRequest?.key === key) return concernsRequest.promise;
    const request: { key: string; promise: Promise<void> } = { key, promise: Promise.resolve() };
    const latest = () => concernsRequest === request;
    concernsRequest = request;
    request.promise = (async () => {
      concernsLoading.value = true;
      concernsError.value = null;
      try {
        const answer = await api.concerns(location, language);
        if (latest()) concerns.value = answer;
      } catch (e) {
        if (latest()) concernsError.value = asApiError(e);
      } finally {
        if (latest()) {
          concernsLoading.value = false;
          concernsRequest = null;
        }
      }
    })();
    return request.promise;
  }

  /** Waits for the answer that counts (the language may have been switched meanwhile). */
  async function concernsSettled(): Promise<void> {
    while (concernsRequest) await concernsRequest.promise;
  }

  return { concerns, concernsLoading, concernsError, loadConcerns, concernsSettled };
});
