"""The domain words code shares with the codebooks, read from them rather than copied: which action types bind
someone (the extractor looks for provisions after them), which topics each type starts with, and the topic ids.

The extractor's own patterns (lexicon.py) name topics and requirement verbs; tests tie those names to the
codebooks and the record schema, so renaming a topic in one place cannot silently break the other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from .model import ActionTypeEntry, Topic
from .parse import parse_list
from .problems import Problem


@dataclass(frozen=True)
class Vocabulary:
    topics: frozenset[str]
    binding: frozenset[str]  # action types whose provisions bind someone
    type_topics: dict[str, tuple[str, ...]]  # action type -> topics a draft of it starts with


@functools.cache
def load(codebooks: Path) -> Vocabulary:
    """The vocabulary of a codebooks folder (problems in it are the validator's to report: bad entries are skipped)."""
    problems: list[Problem] = []
    types = parse_list("action_types.yaml", _read(codebooks / "action_types.yaml"), ActionTypeEntry, problems)
    topics = parse_list("topics.yaml", _read(codebooks / "topics.yaml"), Topic, problems)
    return Vocabulary(
        topics=frozenset(t.id for t in topics),
        binding=frozenset(t.id for t in types if t.binds),
        type_topics={t.id: tuple(t.default_topics) for t in types},
    )


def current() -> Vocabulary:
    """The vocabulary of the data folder in use (POLICIES_DATA_DIR, else data/)."""
    return load(paths.data_dir() / "codebooks")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
