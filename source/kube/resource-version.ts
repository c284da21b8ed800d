// Ordering of resourceVersions (KEP-5504 "Comparable Resource Version", stable in Kubernetes 1.35; client-go's
// k8s.io/apimachinery/pkg/util/resourceversion.CompareResourceVersion): two resourceVersions of objects of the
// same resource compare as integers. A comparable one is a positive base-10 integer of any length without
// leading zeros; "0" (a special value in list/watch requests) and anything else is not comparable.
const COMPARABLE = /^[1-9][0-9]*$/;

/** -1, 0 or 1 as `a` is older than, the same as or newer than `b`; undefined when either is not comparable. */
export function compareResourceVersions(a: string | undefined, b: string | undefined): -1 | 0 | 1 | undefined {
  if (a === undefined || b === undefined || !COMPARABLE.test(a) || !COMPARABLE.test(b)) return undefined;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
