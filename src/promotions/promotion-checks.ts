// What zod cannot see in a promotion's fields: the window's order, and whether everything it names
// (targets, channels, the rule's gift / bundle / components) exists, and which types a segment
// belongs to. Every problem is one field issue, so the editor marks the field; all are reported at once.
import { validationError } from '../shared/app-error.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { PromotionFields } from './contract.js';
import type { PromotionStore } from './promotion-store.js';
import type { TargetKind } from './rules.js';

/** Types a customer segment may be given to; member prices need one. */
const segmentTypes: ReadonlySet<string> = new Set(['coupon', 'member_price']);

function issue(path: string, key: string, message: string, params?: Record<string, string | number>): FieldIssue {
  return params ? { path, key, message: `${path}: ${message}`, params } : { path, key, message: `${path}: ${message}` };
}

export function promotionFieldIssues(fields: PromotionFields, store: PromotionStore): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (Date.parse(fields.endsAt) <= Date.parse(fields.startsAt)) {
    issues.push(issue('endsAt', 'endsBeforeStart', 'the end must come after the start'));
  }

  if (fields.targets.scope === 'targets') {
    const items = fields.targets.items;
    const kinds: TargetKind[] = ['product', 'variant', 'category', 'tag'];
    for (const kind of kinds) {
      const missing = store.missing(kind, items.filter((item) => item.kind === kind).map((item) => item.id));
      items.forEach((item, i) => {
        if (item.kind === kind && missing.has(item.id)) {
          issues.push(issue(`targets.items.${i}.id`, 'unknownTarget', `${kind} ${item.id} does not exist`, { kind, id: item.id }));
        }
      });
    }
  }

  if (fields.channels !== 'all') {
    const channels = fields.channels;
    const missing = store.missing('channel', channels);
    channels.forEach((id, i) => {
      if (missing.has(id)) issues.push(issue(`channels.${i}`, 'unknownChannel', `channel ${id} does not exist`, { id }));
    });
  }

  const rule = fields.rule;
  const knownVariant = (id: number, path: string): boolean => {
    if (store.missing('variant', [id]).size === 0) return true;
    issues.push(issue(path, 'unknownVariant', `variant ${id} does not exist`, { id }));
    return false;
  };
  if (rule.type === 'gift_with_purchase') knownVariant(rule.giftVariantId, 'rule.giftVariantId');
  if (rule.type === 'bundle_price') {
    if (rule.bundleVariantId !== null) {
      if (knownVariant(rule.bundleVariantId, 'rule.bundleVariantId') && !store.isBundle(rule.bundleVariantId)) {
        issues.push(issue('rule.bundleVariantId', 'notABundle', `variant ${rule.bundleVariantId} is not a bundle in the catalog`, { id: rule.bundleVariantId }));
      }
    } else if (rule.components.length === 0) {
      issues.push(issue('rule.components', 'bundleComponentsRequired', 'a bundle price needs a catalog bundle or the items it is made of'));
    }
    rule.components.forEach((component, i) => knownVariant(component.variantId, `rule.components.${i}.variantId`));
  }

  if (fields.segmentCode !== null && !segmentTypes.has(rule.type)) {
    issues.push(issue('segmentCode', 'segmentNotAllowed', 'only coupons and member prices are given to a customer segment'));
  }
  if (fields.segmentCode === null && rule.type === 'member_price') {
    issues.push(issue('segmentCode', 'segmentRequired', 'a member price is for a customer segment; choose one'));
  }
  if (fields.controlShareBp > 0 && fields.segmentCode === null) {
    issues.push(issue('controlShareBp', 'controlNeedsSegment', 'a control group is held out of a customer segment; choose one'));
  }
  return issues;
}

/** Refuses the fields with every issue found; nothing is written. */
export function assertPromotionFields(fields: PromotionFields, store: PromotionStore): void {
  const issues = promotionFieldIssues(fields, store);
  if (issues.length > 0) {
    throw validationError(`The promotion was refused; nothing was changed. ${issues.map((i) => i.message).join('; ')}`, issues);
  }
}
