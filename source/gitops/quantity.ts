// Kubernetes resource.Quantity canonical form (apimachinery pkg/api/resource/quantity.go), so `1000m` and `1`,
// `3072Mi` and `3Gi`, `0.1` and `100m` compare equal, as the API server would store them (research/diff.md §1.3).
// Exact arithmetic with BigInt in nano units; precision below 1n rounds up (away from zero), like apimachinery.

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const EXP_TO_DECIMAL: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const NANO = 1_000_000_000n;
const pow = (b: bigint, e: number): bigint => b ** BigInt(e);

/** Parses a quantity to (value in nano units, format). Returns undefined for strings that are not quantities. */
export function parseQuantity(input: string | number): { nano: bigint; format: Format } | undefined {
  const s = typeof input === 'number' ? numberToString(input) : input.trim();
  if (s === undefined) return undefined;
  const m = QUANTITY_RE.exec(s);
  if (!m) return undefined;
  const [, sign, whole = '', frac = '', suffix, exp] = m;
  if (whole === '' && frac === '') return undefined;
  let num = BigInt((whole || '0') + frac);
  let scale = frac.length; // value = num / 10^scale
  let format: Format = 'DecimalSI';
  if (exp !== undefined) {
    format = 'DecimalExponent';
    const e = Number(exp);
    if (e >= 0) num *= pow(10n, e);
    else scale += -e;
  } else if (suffix && suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    num *= pow(1024n, BINARY_SUFFIX[suffix]!);
  } else {
    const e = DECIMAL_SUFFIX[suffix ?? '']!;
    if (e >= 0) num *= pow(10n, e);
    else scale += -e;
  }
  // to nano units, rounding up (away from zero) below 1n
  let nano: bigint;
  if (scale <= 9) nano = num * pow(10n, 9 - scale);
  else {
    const d = pow(10n, scale - 9);
    nano = num / d + (num % d === 0n ? 0n : 1n);
  }
  if (sign === '-') nano = -nano;
  return { nano, format };
}

function numberToString(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  // Avoid exponent notation from JS for small/large numbers.
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function decimal(nano: bigint, exponentForm: boolean): string {
  if (nano === 0n) return '0';
  const neg = nano < 0n;
  let v = neg ? -nano : nano;
  // largest exponent (multiple of 3, -9..18) that keeps an integer mantissa
  let e = -9;
  while (e < 18 && v % 1000n === 0n) {
    v /= 1000n;
    e += 3;
  }
  const mant = `${neg ? '-' : ''}${v}`;
  if (exponentForm) return e === 0 ? mant : `${mant}e${e}`;
  return mant + EXP_TO_DECIMAL[e]!;
}

/** Canonical string of a quantity (what the API server stores), or undefined if `input` is not a quantity. */
export function canonicalQuantity(input: string | number): string | undefined {
  const q = parseQuantity(input);
  if (!q) return undefined;
  if (q.format === 'BinarySI') {
    const abs = q.nano < 0n ? -q.nano : q.nano;
    if (abs < 1024n * NANO || abs % NANO !== 0n) return decimal(q.nano, false);
    let units = abs / NANO;
    let k = 0;
    while (k < 6 && units % 1024n === 0n) {
      units /= 1024n;
      k += 1;
    }
    return `${q.nano < 0n ? '-' : ''}${units}${BINARY_NAMES[k]}`;
  }
  return decimal(q.nano, q.format === 'DecimalExponent');
}
