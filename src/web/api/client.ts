/**
 * The HTTP client of the web app, typed by the API's generated OpenAPI types (schema.gen.ts): JSON answers, the
 * session cookie, and on writes the session's CSRF token. A refused request throws an ApiError with the server's
 * code, Vietnamese message and issues.
 */
import { queryOptions, type QueryKey } from '@tanstack/react-query';
import createClient, { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { components, paths } from './schema.gen';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<Responses> = Responses[Extract<keyof Responses, 200 | 201 | 204>];

/** The JSON a route answers with when it succeeds. */
export type ResponseOf<P extends keyof paths, M extends Method> = Json<Success<Operation<P, M>['responses']>>;
/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends Method> = Json<Operation<P, M>['requestBody']>;
/** The query string a route takes, as an object. */
export type QueryOf<P extends keyof paths, M extends Method> = NonNullable<
  Operation<P, M>['parameters']['query']
>;
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];
type Params<P extends keyof paths, M extends Method> = Pick<Operation<P, M>['parameters'], 'path' | 'query'>;

type ErrorResponse = components['schemas']['ErrorResponse'];
/** One problem the server found in a request, pointing at a row (1-based) and a field when it can. */
export type ApiIssue = NonNullable<ErrorResponse['error']['issues']>[number];

/** An answer from the API other than 2xx, carrying the server's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is an id as the API writes them (a UUID): a page checks its address before asking. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The CSRF token of the current session: sent with every write. Set by the session query and by login. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function csrfHeader(method: string): Record<string, string> {
  return method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Every JSON request of the web app, by the route's path as the OpenAPI document writes it. */
export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});
api.use({
  onRequest: ({ request }) => {
    for (const [name, value] of Object.entries(csrfHeader(request.method))) request.headers.set(name, value);
  },
});

/** The error a refused answer stands for; a body that is not the API's (a proxy's error page) leaves the status. */
function apiError(response: Response, body: unknown): ApiError {
  const error = typeof body === 'object' && body ? (body as Partial<ErrorResponse>).error : undefined;
  return new ApiError(
    response.status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? response.statusText,
    error?.issues ?? [],
  );
}

/** The data of a 2xx answer (undefined for 204 No Content); any other answer throws an ApiError. */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw apiError(response, error);
  return data as T;
}

/** How long a cached answer stays fresh, and how often it is fetched again while shown. */
type CacheTiming = { staleTime?: number; refetchInterval?: number };

/**
 * The query of a GET route: the cache key it is kept under (from keys.ts), the request with the page's abort
 * signal, and the cache timing when it is not the default.
 */
export function getQuery<P extends PathsWith<'get'>, const K extends QueryKey>(
  queryKey: K,
  path: P,
  params?: Params<P, 'get'>,
  timing: CacheTiming = {},
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => unwrap<ResponseOf<P, 'get'>>((api.GET as GetByPath)(path, { params, signal })),
    ...timing,
  });
}

/** api.GET over a path not known until the call: its answer is typed by getQuery instead. */
type GetByPath = <T>(
  path: string,
  init: { params?: object; signal: AbortSignal },
) => Promise<{ data?: T; error?: unknown; response: Response }>;

/** A filter without its empty fields: the pages leave a field '' (or 0) for "any", never sent as a value. */
export function withoutEmpty<T extends object>(filter: T): T {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => Boolean(value))) as T;
}

function fillUrl(path: string, params: { path?: object; query?: object }): string {
  return createFinalURL(path, {
    baseUrl: '',
    params: params as { path?: Record<string, unknown>; query?: Record<string, unknown> },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
}

/** The address of a GET route with its parameters filled in, for links the browser follows (downloads). */
export function apiUrl<P extends PathsWith<'get'>>(path: P, params: Params<P, 'get'>): string {
  return fillUrl(path, params);
}

/**
 * Uploads a file as the request body itself (not a form). The routes read the raw bytes, so the OpenAPI document
 * has no body for them to type and this goes around openapi-fetch, with the same headers and errors.
 */
export async function postFile<P extends PathsWith<'post'>>(
  path: P,
  params: Params<P, 'post'>,
  file: Blob,
  headers: Record<string, string>,
): Promise<ResponseOf<P, 'post'>> {
  const response = await fetch(fillUrl(path, params), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...headers, ...csrfHeader('POST') },
    body: file,
  });
  if (!response.ok) {
    // Not JSON (proxy error page): the status alone has to do.
    throw apiError(response, await response.json().catch(() => undefined));
  }
  return (await response.json()) as ResponseOf<P, 'post'>;
}
