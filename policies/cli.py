"""Command line: `python -m policies COMMAND`. Each command is a small function over the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import export, store

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def cmd_validate(args: argparse.Namespace) -> int:
    loaded = store.load(args.data_dir, texts_dir=args.texts, use_cache=False, progress=_progress(args))
    for problem in loaded.problems:
        print(problem)
    errors, warnings = len(loaded.errors), len(loaded.problems) - len(loaded.errors)
    print(f"{len(loaded.actions)} valid actions from {loaded.files} files; {errors} errors, {warnings} warnings", file=sys.stderr)
    return EXIT_PROBLEMS if errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    loaded = store.load(args.data_dir, progress=_progress(args))
    table = export.provisions_table(loaded) if args.provisions else export.actions_table(loaded)
    meta = {"data_as_of": str(loaded.as_of), "rows": len(table), "kind": "provisions" if args.provisions else "actions"}
    text = export.to_csv(table) if args.format == "csv" else export.to_json(table, meta)
    if loaded.errors:
        print(f"warning: {len(loaded.errors)} records have problems and are not exported; run validate", file=sys.stderr)
    return _write(text, args.out, args.force)


def cmd_schema(args: argparse.Namespace) -> int:
    """The published JSON Schema of one record file (docs/action.schema.json is this output)."""
    import json

    from .model import Action

    schema = Action.model_json_schema()
    schema["title"] = "Policy action (one YAML file under data/actions/)"
    return _write(json.dumps(schema, indent=2) + "\n", args.out, args.force)


def _write(text: str, out: str | None, force: bool) -> int:
    if not out:
        sys.stdout.write(text)
        return 0
    from .fileio import write_atomic

    try:
        write_atomic(Path(out), text.encode("utf-8"), force=force)
    except FileExistsError:
        print(f"error: {out} exists; pass --force to overwrite", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _progress(args: argparse.Namespace):
    if not sys.stderr.isatty() or getattr(args, "quiet", False):
        return None

    def show(done: int, total: int) -> None:
        print(f"\rloading records {done:,}/{total:,}", end="\n" if done == total else "", file=sys.stderr)

    return show


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m policies", description="Local-policy tracker tools.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check every record and codebook; exit 1 if there are errors")
    p.add_argument("data_dir", nargs="?", default=str(store.DATA_DIR))
    p.add_argument("--texts", metavar="DIR", help="folder of source texts: check evidence quotes against them")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="write the flattened table (one row per action, or per provision)")
    p.add_argument("--data-dir", default=str(store.DATA_DIR))
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--provisions", action="store_true", help="one row per provision")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("schema", help="print the JSON Schema of a record file")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=cmd_schema)

    # Feature commands (extract, chart, synth) register their own subparsers here.
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
