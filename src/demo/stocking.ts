// How a demo shop's range is stocked, per size. The small shop sells about 27 lines per variant
// over the two years and stocks its whole range. The large one sells about 10 per variant: if it
// stocked all 100,000 in minimum order quantities, most of its stock would be thin, slow items
// (30-day sell-through near 12 %, a third of its SKUs dead). A shop that size trades differently:
// - much of its catalogue is history (products archived before the two years shown, never stocked
//   in them), so the live range is smaller than the catalogue;
// - the deep tail is bought by the piece and only once a customer orders it, then kept at its reorder
//   point and a spare or two on the shelf, planned from its long-run rate;
// - fewer items run dry at the end because a supplier stopped delivering.

export interface StockingPolicy {
  /** Share of products archived before the two-year window: in the catalogue, never stocked or sold in it. */
  retiredShare: number;
  /**
   * Where the deep tail starts, as a share of the popularity rank range (null: no tail policy, the
   * whole range is stocked at launch in the supplier's packs). Slow-life products are always tail.
   */
  tailFromRank: number | null;
  /** Share of steady sellers whose supplier stops delivering in the last weeks (stock-outs to act on). */
  noRestockShare: number;
}

export const SMALL_STOCKING: StockingPolicy = { retiredShare: 0, tailFromRank: null, noRestockShare: 0.02 };

export const LARGE_STOCKING: StockingPolicy = { retiredShare: 0.45, tailFromRank: 0.3, noRestockShare: 0.004 };

/** Units above its reorder point a deep-tail item is ordered up to (and stocked with on its first order). */
export const TAIL_SPARE = 2;
