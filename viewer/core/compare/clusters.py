"""Union-find over the signatories of several letters (a person is one set)."""

from __future__ import annotations


class Clusters:
    """Disjoint sets of member numbers 0..n-1, merged by union()."""

    def __init__(self, size: int):
        self._parent = list(range(size))

    def find(self, member: int) -> int:
        parent = self._parent
        root = member
        while parent[root] != root:
            root = parent[root]
        while parent[member] != root:  # path compression: later finds are one step
            parent[member], member = root, parent[member]
        return root

    def union(self, a: int, b: int) -> bool:
        """Merge the sets of a and b; False if they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        low, high = min(ra, rb), max(ra, rb)
        self._parent[high] = low  # the lower root stays: sets keep their first member's place
        return True

    def groups(self) -> dict[int, list[int]]:
        """Root -> members in order, roots in order of their first member."""
        found: dict[int, list[int]] = {}
        for member in range(len(self._parent)):
            found.setdefault(self.find(member), []).append(member)
        return found
