/**
 * Field extension for a list whose `first` is optional and means "all" when
 * absent (Query.taskStats: up to 1000 groups): the number of items the
 * query-cost estimate (src/server/query-cost.ts) counts then, instead of the
 * default page size, so nesting under such a list is priced for what it can return.
 */
export const ITEMS_WITHOUT_FIRST = 'itemsWithoutFirst';
