/** What a state must be to travel as JSON (snapshots, the wire, the command-line runner's --json). */

/**
 * Every path in `value` that holds a number JSON cannot carry (NaN, ±Infinity), as
 * "$.path[i] = value", appended to `found` (and returned).
 */
export function nonJsonNumbers(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nonJsonNumbers(item, `${path}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) nonJsonNumbers(member, `${path}.${key}`, found);
  }
  return found;
}
