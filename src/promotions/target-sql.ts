// Which variants a promotion applies to, as SQL the promotion stores put in front of their own
// query. The caller names the promotions in a first CTE `promo_ids (id)`:
//
//   WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte}
//   SELECT … FROM promo_variants pv JOIN variants v ON v.id = pv.variant_id …
//
// giving `promo_variants (promotion_id, variant_id)`, distinct pairs. Categories include their
// subcategories; scope 'shop' is every variant. Portable SQL (WITH RECURSIVE, UNION): the same
// text runs on PostgreSQL.
export const promotionVariantsCte = `promo_categories (promotion_id, category_id) AS (
    SELECT t.promotion_id, t.target_id FROM promotion_targets t JOIN promo_ids i ON i.id = t.promotion_id
    WHERE t.kind = 'category'
    UNION
    SELECT pc.promotion_id, c.id FROM categories c JOIN promo_categories pc ON c.parent_id = pc.category_id
  ),
  promo_variants (promotion_id, variant_id) AS (
    SELECT p.id, v.id FROM promotions p JOIN promo_ids i ON i.id = p.id CROSS JOIN variants v
    WHERE p.scope = 'shop'
    UNION
    SELECT t.promotion_id, t.target_id FROM promotion_targets t JOIN promo_ids i ON i.id = t.promotion_id
      JOIN promotions p ON p.id = t.promotion_id JOIN variants v ON v.id = t.target_id
    WHERE t.kind = 'variant' AND p.scope = 'targets'
    UNION
    SELECT t.promotion_id, v.id FROM promotion_targets t JOIN promo_ids i ON i.id = t.promotion_id
      JOIN promotions p ON p.id = t.promotion_id JOIN variants v ON v.product_id = t.target_id
    WHERE t.kind = 'product' AND p.scope = 'targets'
    UNION
    SELECT pc.promotion_id, v.id FROM promo_categories pc JOIN promotions p ON p.id = pc.promotion_id
      JOIN products pr ON pr.category_id = pc.category_id JOIN variants v ON v.product_id = pr.id
    WHERE p.scope = 'targets'
    UNION
    SELECT t.promotion_id, v.id FROM promotion_targets t JOIN promo_ids i ON i.id = t.promotion_id
      JOIN promotions p ON p.id = t.promotion_id
      JOIN product_tags pt ON pt.tag_id = t.target_id JOIN variants v ON v.product_id = pt.product_id
    WHERE t.kind = 'tag' AND p.scope = 'targets'
  )`;
