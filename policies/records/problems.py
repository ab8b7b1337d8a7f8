"""Problems found in the data: where (file, line, field) and what is wrong, in words a curator can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}" + (" (warning)" if self.severity == "warning" else "")

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
            "record": self.record,
        }


def field_path(loc: tuple[object, ...]) -> str:
    """('provisions', 0, 'evidence', 1, 'quote') -> 'provisions[0].evidence[1].quote'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
