import type { BookingPreviewResponse } from '@einlass/contracts';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { useRoute } from 'vue-router';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';
import { useSiteStore } from '../stores/site';
import { focusHeading } from './usePageChrome';

/**
 * The token from an e-mail link (`?token=`) and the booking it names. Loading only reads:
 * mail scanners open links, so nothing changes until the citizen presses the button.
 */
export function useBookingToken() {
  const route = useRoute();
  const site = useSiteStore();
  const token = computed(() => (typeof route.query.token === 'string' ? route.query.token.trim() : ''));
  const preview = ref<BookingPreviewResponse | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);

  async function load(): Promise<void> {
    if (!token.value) return;
    loading.value = true;
    error.value = null;
    try {
      const [answer] = await Promise.all([api.preview(token.value), site.load()]);
      preview.value = answer;
      // Header and footer show the office of this booking.
      if (site.locations.some((l) => l.id === answer.location.id)) site.select(answer.location.id);
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  return { token, preview, loading, error, load };
}

/**
 * The page's one step on the token (confirm, cancel): never twice at a time; afterwards the
 * focus moves to the heading of what the page shows now.
 */
export function useTokenAction<T>(send: (token: string) => Promise<T>, token: Ref<string>) {
  const busy = ref(false);
  const done = ref(false);
  const result = shallowRef<T | null>(null);
  const actionError = ref<ApiRequestError | null>(null);

  async function run(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    actionError.value = null;
    try {
      result.value = await send(token.value);
      done.value = true;
    } catch (e) {
      actionError.value = asApiError(e);
    } finally {
      busy.value = false;
    }
    await focusHeading();
  }

  return { busy, done, result, actionError, run };
}

/** What a failed load or step of a token page means: the link expired, is unknown, or the booking no longer allows the step. */
export function tokenFailure(failure: ApiRequestError): 'expired' | 'invalid' | 'refused' | null {
  if (failure.code === 'token_expired') return 'expired';
  if (failure.code === 'token_invalid' || failure.code === 'not_found') return 'invalid';
  if (failure.code === 'invalid_transition' || failure.code === 'conflict') return 'refused';
  return null;
}
