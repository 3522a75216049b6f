// The sales report's one rule for a line's share of its order's discounts (metrics.md "Sales"):
// the line's own discount plus the order-level rest split by the line's share of the order's GMV.
// SQL text for a query that reads order_lines `l` joined to orders `o`, with the window `w`
// defined as PARTITION BY the order; every store that splits discounts uses this one text.
export const lineDiscountSql =
  'l.discount + (o.discount_total - SUM(l.discount) OVER w) * (l.quantity * l.unit_price * 1.0) / MAX(SUM(l.quantity * l.unit_price) OVER w, 1)';
