"""Curated YAML -> validated frames: the store, how it is loaded (files, workers, cache), snapshots, status.

build.load(data_dir)      YAML to a `Store`, cached on disk by content (cache.py), in worker processes for
                          large trees (workers.py), reading each file once (files.py)
snapshot                  the same frames as one file a deployment starts from
core.Store                the frames and the questions views ask: rows of an action subset, labels, status
                          on a day (status.py)
    detail.action_detail      one action as its page and its printable summary show it
"""

from .build import CODEBOOKS, code_version, load
from .core import ACTION_ORDER, LONG_FRAMES, Store
from .detail import ActionDetail, action_detail
from .labels import Labels
from .snapshot import load_snapshot, save_snapshot
from .status import NOT_YET, REVIEW_DAYS, out_of_date

__all__ = [
    "ACTION_ORDER",
    "CODEBOOKS",
    "LONG_FRAMES",
    "NOT_YET",
    "REVIEW_DAYS",
    "ActionDetail",
    "Labels",
    "Store",
    "action_detail",
    "code_version",
    "load",
    "load_snapshot",
    "out_of_date",
    "save_snapshot",
]
