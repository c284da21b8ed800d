// A small evaluator for HookTemplate metric conditions such as `asInt(result) == 0`,
// `asFloat(result) < 0.05 && result != ""`, `result == "ok"` (the subset bk-bcs templates use).

function operand(src: string, result: string): string | number | boolean {
  const s = src.trim();
  const fn = /^(asInt|asFloat|len)\((.*)\)$/.exec(s);
  if (fn) {
    const inner = operand(fn[2], result);
    if (fn[1] === 'len') return String(inner).length;
    const n = fn[1] === 'asInt' ? Number.parseInt(String(inner), 10) : Number.parseFloat(String(inner));
    if (Number.isNaN(n)) throw new Error(`cannot convert "${inner}" with ${fn[1]}`);
    return n;
  }
  if (s === 'result') return result;
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  const q = /^"(.*)"$|^'(.*)'$/.exec(s);
  if (q) return q[1] ?? q[2] ?? '';
  throw new Error(`unsupported operand ${s}`);
}

function compare(expr: string, result: string): boolean {
  const m = /^(.*?)(==|!=|<=|>=|<|>)(.*)$/.exec(expr.trim());
  if (!m) {
    const v = operand(expr, result);
    return v === true || v === 'true';
  }
  let a = operand(m[1], result);
  let b = operand(m[3], result);
  if (typeof a === 'number' && typeof b === 'string') b = Number(b);
  if (typeof b === 'number' && typeof a === 'string') a = Number(a);
  if (typeof a === 'boolean' && typeof b === 'string') b = b === 'true';
  switch (m[2]) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

/** Evaluate a condition against a measurement result. Throws on malformed expressions. */
export function evalCondition(expr: string, result: string): boolean {
  return expr.split('||').some((or) => or.split('&&').every((and) => compare(and, result)));
}

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** Argo/bk-bcs EvaluateResult: how success/failure conditions combine. */
export function evaluateResult(metric: { successCondition?: string; failureCondition?: string }, result: string): MeasurementPhase {
  try {
    const succ = metric.successCondition ? evalCondition(metric.successCondition, result) : false;
    const fail = metric.failureCondition ? evalCondition(metric.failureCondition, result) : false;
    if (!metric.successCondition && !metric.failureCondition) return 'Successful';
    if (metric.successCondition && !metric.failureCondition) return succ ? 'Successful' : 'Failed';
    if (!metric.successCondition && metric.failureCondition) return fail ? 'Failed' : 'Successful';
    if (fail) return 'Failed';
    return succ ? 'Successful' : 'Inconclusive';
  } catch {
    return 'Error';
  }
}

/** Duration strings like "10s", "1m30s", "500ms" -> ms. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return v * 1000;
  if (typeof v !== 'string' || !v) return undefined;
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let m: RegExpExecArray | null;
  let matched = false;
  while ((m = re.exec(v))) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60000 : n * 3600000;
  }
  return matched ? total : undefined;
}
