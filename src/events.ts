// Typed events pushed from the core to every face. Pure.
import { z } from 'zod';
import { jobInfoSchema } from './jobs/contract.js';

export const dataAreaSchema = z.enum(['catalog', 'stock', 'purchasing', 'history', 'customers', 'orders', 'promotions']);
export type DataArea = z.infer<typeof dataAreaSchema>;

export const eventSchemas = {
  /** A job started, moved on, or finished. */
  'job.progress': jobInfoSchema,
  /** The shop changed under the UI (a demo shop was generated, settings changed). */
  'shop.changed': z.object({ reason: z.enum(['created', 'settings', 'replaced']) }),
  /** Shop data was written: open views of these areas re-read; alerts re-evaluate (analytics issue). */
  'data.changed': z.object({ areas: z.array(dataAreaSchema).min(1) }),
  /** An alert evaluation opened new alerts (titles as translation keys + params; at most 20 listed). */
  'alerts.raised': z.object({
    count: z.number().int().min(1),
    alerts: z.array(z.object({ id: z.number().int(), titleKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) })),
  }),
  /** A channel's sync state changed (a pass ended, it was connected, paused, resumed, edited or disconnected): re-read it. */
  'sync.status': z.object({ channelId: z.number().int().positive() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type CoreEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
