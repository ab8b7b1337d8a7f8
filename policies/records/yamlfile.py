"""Read one YAML file safely (PyYAML's C loader) and remember the line of every field; write YAML plainly.

Duplicate keys, which YAML tolerates and PyYAML resolves silently by keeping the last, are
reported as problems so that nothing a curator wrote disappears without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from .problems import Problem, field_path

try:
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class Loader(_Base):
    """Safe C loader that leaves dates as text, so an impossible date is a field error with a line."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class Dumper(_BaseDumper):
    """Safe dumper that writes a repeated value twice rather than as a YAML anchor a curator must decode."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    """Records and codebooks as a curator writes them: keys in the schema's order, no anchors, UTF-8."""
    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110)


MAX_BYTES = 1_000_000  # a record is a page of text; anything this large is not a record
REGISTRY_MAX_BYTES = 100_000_000  # sources.yaml and codebooks grow with the data: 100,000 sources is ~15 MB
Path_ = tuple[object, ...]


@dataclass
class YamlFile:
    path: Path
    display: str
    data: object = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    raw: bytes | None = field(default=None, repr=False)  # set by fast_read: lines are found when first asked for

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest known field on the way to `loc` (pydantic locations may go deeper than YAML)."""
        if self.raw is not None and not self.lines:
            self.lines, self.raw = read_yaml(self.path, self.display, self.raw, limit=len(self.raw)).lines, None
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None

    def problem(self, loc: Path_, message: str, severity: str = "error", record: str | None = None) -> Problem:
        return Problem(self.display, self.line_of(loc), field_path(loc), message, severity, record)  # type: ignore[arg-type]


class _Unusual(Exception):
    """A duplicate key, a merge key, a non-text key or an unusual tag: `read_yaml` handles and reports it."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SCALARS = {
    f"tag:yaml.org,2002:{name}": getattr(SafeConstructor(), f"construct_yaml_{name}")
    for name in ("int", "float", "bool", "null")
}


class _PlainLoader(Loader):
    """The C composer calls back into Python to tag every scalar; most record scalars are text, so this tags
    all of them text, and `_construct` asks the real resolver only about those that could be something else."""

    def resolve(self, kind, value, implicit):
        return _STR if kind is yaml.ScalarNode else _MAP if kind is yaml.MappingNode else _SEQ


_MAYBE_TYPED = frozenset(first for first in Loader.yaml_implicit_resolvers if first)  # "t", "N", "~", "1", ...
_RESOLVER = Loader("")


def _construct(node: yaml.Node) -> object:
    """Nodes to Python, without the generic constructor's bookkeeping."""
    tag = node.tag
    if tag == _STR:
        if getattr(node, "style", None) is None and (not node.value or node.value[0] in _MAYBE_TYPED):
            tag = _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))  # a plain true, 12, ~ or ''
            if tag != _STR:
                if tag in _SCALARS:
                    return _SCALARS[tag](node)
                raise _Unusual
        return node.value
    if tag == _MAP:
        out: dict[str, object] = {}
        for key, value in node.value:
            if key.tag != _STR or key.value in out:
                raise _Unusual
            out[key.value] = _construct(value)
        return out
    if tag == _SEQ:
        return [_construct(item) for item in node.value]
    if tag in _SCALARS:
        return _SCALARS[tag](node)
    raise _Unusual


def fast_read(path: Path, display: str, raw: bytes, limit: int = MAX_BYTES) -> YamlFile:
    """Like `read_yaml` for a well-formed file, at two thirds of the cost, and no lines until a problem needs one.

    Most records are fine, and walking every node for line numbers and PyYAML's generic constructor cost
    half of a cold load; anything unusual (binary, not UTF-8, invalid YAML, duplicate keys, YAML features
    records do not use) goes through `read_yaml` and its messages.
    """
    if len(raw) <= limit and b"\x00" not in raw:
        try:
            loader = _PlainLoader(raw.decode("utf-8"))
            try:
                node = loader.get_single_node()
                data = _construct(node) if node is not None else None
            finally:
                loader.dispose()
        except (UnicodeDecodeError, yaml.YAMLError, _Unusual):
            pass
        else:
            return YamlFile(path=path, display=display, data=data, raw=raw)
    return read_yaml(path, display, raw, limit)


def read_yaml(path: Path, display: str | None = None, raw: bytes | None = None, limit: int = MAX_BYTES) -> YamlFile:
    out = YamlFile(path=path, display=display or str(path))
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as exc:
        out.problems.append(Problem(out.display, None, "", f"cannot read file: {exc.strerror or exc}"))
        return out
    if len(raw) > limit:
        kind = "records" if limit == MAX_BYTES else "registry and codebook files"
        out.problems.append(
            Problem(out.display, None, "", f"file is {len(raw):,} bytes; {kind} are limited to {limit:,}")
        )
        return out
    if b"\x00" in raw:
        out.problems.append(Problem(out.display, None, "", "file is binary (contains NUL bytes), not YAML text"))
        return out
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        out.problems.append(Problem(out.display, None, "", f"not UTF-8 text (bad byte at offset {exc.start})"))
        return out
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _walk(node, (), out)
                out.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        message = f"invalid YAML: {what}" + (f" ({context})" if context else "")
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            message += "; YAML is indented with spaces, not tabs"
        out.problems.append(Problem(out.display, line, "", message))
        out.data = None
    return out


def _walk(node: yaml.Node, loc: Path_, out: YamlFile) -> None:
    out.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            line = key.start_mark.line + 1
            if name in seen:
                out.problems.append(
                    Problem(
                        out.display,
                        line,
                        field_path(loc + (name,)),
                        f"duplicate key (first given on line {seen[name]})",
                    )
                )
            seen.setdefault(name, line)
            out.lines[loc + (name,)] = line
            _walk(value, loc + (name,), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), out)
