// Owner index for the simple garbage collector: owner uid -> dependents ("typeKey\nobjectKey").
export type OwnerIndex = Map<string, Set<string>>;

export function collectDependents(index: OwnerIndex, ownerUid: string): Array<{ tk: string; key: string }> {
  const ids = index.get(ownerUid);
  if (!ids) return [];
  return [...ids].map((id) => {
    const nl = id.indexOf('\n');
    return { tk: id.slice(0, nl), key: id.slice(nl + 1) };
  });
}
