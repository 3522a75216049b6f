// Minimal Vendure Admin API transport for tests: POST a GraphQL document, validate the answer
// with zod, and turn GraphQL errors into a typed error that keeps Vendure's error code
// (e.g. FORBIDDEN when not signed in), so tests can assert on the reason.
import { z } from 'zod';

const graphQlErrorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});

const envelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(graphQlErrorSchema).optional(),
});

export class VendureApiError extends Error {
  constructor(
    message: string,
    /** `errors[0].extensions.code` when Vendure sent one (FORBIDDEN, USER_INPUT_ERROR, …). */
    readonly code: string | undefined,
    readonly httpStatus: number,
  ) {
    super(message);
    this.name = 'VendureApiError';
  }
}

export interface GraphQlAnswer<T> {
  data: T;
  headers: Headers;
}

export async function postGraphQl<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  dataSchema: z.ZodType<T>,
  token?: string,
): Promise<GraphQlAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    // Keeps a hung peer from hanging a test run.
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VendureApiError(`Vendure answered HTTP ${response.status} with non-JSON: ${text.slice(0, 200)}`, undefined, response.status);
  }
  const envelope = envelopeSchema.parse(json);
  const firstError = envelope.errors?.[0];
  if (firstError) throw new VendureApiError(firstError.message, firstError.extensions?.code, response.status);
  const data = dataSchema.safeParse(envelope.data);
  if (!data.success) {
    throw new VendureApiError(`Unexpected Vendure answer: ${data.error.message}`, 'UNEXPECTED_SHAPE', response.status);
  }
  return { data: data.data, headers: response.headers };
}
