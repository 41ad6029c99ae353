import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Anonymous answers may be kept by browsers and proxies, but asked again (cheaply, with If-None-Match) each time. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

interface Entry {
  version: number;
  answer: Promise<{ body: Buffer; etag: string }>;
}

/**
 * Serialized public answers by key, each valid for one data version, least recently used out first. Callers
 * asking for the same key and version at once share one computation, so a crowd costs one answer per write.
 */
export class PublicAnswerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key` as of `version`, computed by `compute` (which serializes it) when not held. */
  async answer(
    key: string,
    version: number,
    compute: () => Promise<string>,
  ): Promise<{ body: Buffer; etag: string; hit: boolean }> {
    const held = this.entries.get(key);
    if (held && held.version === version) {
      this.entries.delete(key);
      this.entries.set(key, held);
      return { ...(await held.answer), hit: true };
    }
    // Kept encoded: each send then copies bytes instead of encoding and measuring the text again.
    const entry: Entry = {
      version,
      answer: compute().then((text) => {
        const body = Buffer.from(text);
        return { body, etag: etagOf(body) };
      }),
    };
    // A caller that read an older version than the one held computes for itself and keeps nothing.
    if (!held || held.version < version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= this.capacity) break;
        this.entries.delete(oldest);
      }
      // Errors (an unknown or unpublished plan) are answered each time, never kept.
      entry.answer.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    return { ...(await entry.answer), hit: false };
  }
}

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** True when the request's If-None-Match names the entity tag (or any, `*`), weak or strong. */
export function notModified(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Sends a cached public answer: its entity tag, Cache-Control for anyone, and 304 without a body when the client
 * holds it already. `X-Cache` says whether it was computed for this request.
 */
export function sendPublicAnswer(
  req: FastifyRequest,
  reply: FastifyReply,
  answer: { body: Buffer; etag: string; hit: boolean },
): FastifyReply {
  void reply
    .header('etag', answer.etag)
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('x-cache', answer.hit ? 'HIT' : 'MISS');
  if (notModified(req, answer.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/**
 * A per-client limit of an expensive public read (@fastify/rate-limit route config): `max` requests a minute from
 * one address for anonymous callers; signed-in users are not limited by it. Over the limit: 429 in the app's
 * error shape.
 */
export function anonymousRateLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    allowList: (req: FastifyRequest) => req.actor !== null,
    errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) =>
      new AppError(
        'TOO_MANY_ATTEMPTS',
        `Quá nhiều yêu cầu từ địa chỉ này: vui lòng thử lại sau ${Math.max(1, Math.ceil(context.ttl / 1000))} giây / too many requests`,
      ),
  };
}
