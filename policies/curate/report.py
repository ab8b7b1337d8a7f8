"""How much of each draft its curator kept: the draft-kept rate, from the records' `curation` blocks.

Read from the record files (the store's frames do not carry curation: no page shows it), through the same
parser the store uses, so a record that does not validate is counted as unreadable rather than guessed at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..records.parse import parse_action
from ..records.problems import Problem


@dataclass
class KeptReport:
    records: int = 0  # record files read
    from_draft: int = 0  # of them, saved from an extractor draft
    by_hand: int = 0  # saved from the desk without a draft
    unrecorded: int = 0  # no curation block (written before the desk, or by hand)
    unreadable: int = 0
    kept: Counter[str] = field(default_factory=Counter)  # field -> records that kept the draft's value
    changed: Counter[str] = field(default_factory=Counter)

    def rate(self, name: str) -> float | None:
        seen = self.kept[name] + self.changed[name]
        return self.kept[name] / seen if seen else None

    def overall(self) -> float | None:
        kept, changed = sum(self.kept.values()), sum(self.changed.values())
        return kept / (kept + changed) if kept + changed else None

    def lines(self) -> list[str]:
        out = [
            f"{self.records} records: {self.from_draft} from a draft, {self.by_hand} made in the desk without one, "
            f"{self.unrecorded} without a curation block, {self.unreadable} unreadable"
        ]
        overall = self.overall()
        if overall is not None:
            out.append(f"fields kept as drafted: {overall:.0%} overall")
            for name in sorted(set(self.kept) | set(self.changed), key=lambda n: -(self.rate(n) or 0)):
                seen = self.kept[name] + self.changed[name]
                out.append(f"  {name:<16} {self.rate(name):>5.0%} kept of {seen}")
        return out


def kept_report(data_dir: Path) -> KeptReport:
    report = KeptReport()
    for path in sorted((data_dir / "actions").glob("*.yaml")):
        report.records += 1
        problems: list[Problem] = []
        parsed = parse_action(f"actions/{path.name}", path.read_bytes(), problems)
        if parsed is None:
            report.unreadable += 1
            continue
        curation = parsed.action.curation
        if curation is None:
            report.unrecorded += 1
        elif not curation.from_draft:
            report.by_hand += 1
        else:
            report.from_draft += 1
            report.kept.update(curation.kept)
            report.changed.update(curation.changed)
    return report
