import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, queries, setCsrfToken } from '../api';

/** A 401 from any request means the session ended (expired, signed out elsewhere): show the user as signed out. */
function onError(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  const { queryKey } = queries.session();
  if (queryClient.getQueryData(queryKey)?.user) {
    setCsrfToken(null);
    queryClient.setQueryData(queryKey, { user: null, csrfToken: null });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again; network and 5xx errors get two more tries.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});
