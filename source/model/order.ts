// Text orders for sorting rows, made once. String.prototype.localeCompare and Intl.Collator load ICU's
// collation data on first use (~7 ms of a list command's start, measured), so names made only of
// [-.0-9a-z] (what Kubernetes allows for cluster, namespace and most object names) are compared by code
// unit, which gives the same order as the root collation for that alphabet ('-' < '.' < digits < letters,
// a prefix first; test/unit/model/order.test.ts checks it against ICU), and ids made only of digits by
// value. Any other text goes to a collator in the run's locale, made on first use.

const PLAIN = /^[-.0-9a-z]*$/;
const DIGITS = /^[0-9]+$/;
let textCollator: Intl.Collator | undefined;
let numberCollator: Intl.Collator | undefined;

/** Code-unit order: for ties that must be total (two ids the numeric order calls equal, "01" and "1"). */
export const byUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a.localeCompare(b) gives (the run's locale), without loading a collator for plain names. */
export function byText(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return byUnits(a, b);
  return (textCollator ??= new Intl.Collator(undefined)).compare(a, b);
}

/** The numeric collation ("9" before "10"), without loading a collator for ids made only of digits. */
export function byNumber(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const x = a.replace(/^0+(?=.)/, '');
    const y = b.replace(/^0+(?=.)/, '');
    return x.length - y.length || byUnits(x, y);
  }
  return (numberCollator ??= new Intl.Collator(undefined, { numeric: true })).compare(a, b);
}
