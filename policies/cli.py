"""Command line: `python -m policies COMMAND`. Each command is a small function over the library."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import clock, paths, store
from .paths import EVALUATION_DIR, SEEDS_DIR

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def cmd_validate(args: argparse.Namespace) -> int:
    loaded = store.load(args.data_dir, texts_dir=args.texts, use_cache=False, progress=_progress(args))
    for problem in loaded.problems:
        print(problem)
    errors, warnings = len(loaded.errors), len(loaded.problems) - len(loaded.errors)
    print(
        f"{len(loaded.actions)} valid actions from {loaded.files} files; {errors} errors, {warnings} warnings",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .output import export
    from .view import View

    loaded = store.load(args.data_dir, progress=_progress(args))
    view = View(as_of=args.as_of)
    kind = "provisions" if args.provisions else "actions"
    table = export.view_table(loaded, view, kind)
    meta = {
        "data_as_of": str(loaded.as_of),
        "status_as_of": view.status_date().isoformat(),
        "rows": len(table),
        "kind": kind,
    }
    text = export.to_csv(table) if args.format == "csv" else export.to_json(table, meta)
    if loaded.errors:
        print(
            f"warning: {len(loaded.errors)} records have problems and are not exported; run validate", file=sys.stderr
        )
    return _write(text, args.out, args.force)


def cmd_schema(args: argparse.Namespace) -> int:
    """The published JSON Schema of one record file (docs/action.schema.json is this output)."""
    import json

    from .records.model import Action

    schema = Action.model_json_schema()
    schema["title"] = "Policy action (one YAML file under data/actions/)"
    return _write(json.dumps(schema, indent=2) + "\n", args.out, args.force)


def _extraction(args: argparse.Namespace):
    """The article named on the command line, extracted; None (with one line on stderr) when it cannot be read."""
    from .extract import ArticleError, extract, read_article

    try:
        return extract(read_article(args.article), args.article, args.published)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def cmd_extract(args: argparse.Namespace) -> int:
    """Article -> draft records. Errors are one line naming the file, exit 2, and nothing is written."""
    from .extract import drafts

    extraction = _extraction(args)
    if extraction is None:
        return EXIT_USAGE
    known = drafts.known_jurisdictions(store.load(args.data_dir).jurisdictions)
    if args.format == "json":
        text = drafts.to_json(extraction, known, args.url)
    else:
        text = drafts.to_yaml(extraction, known, url=args.url)
    for warning in extraction.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return _write(text, args.out, args.force)


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Precision, recall and date accuracy per article set, each beside the dateparser baseline."""
    from .extract import evaluate

    folder = Path(args.folder) if args.folder else EVALUATION_DIR
    seeds = Path(args.seeds) if args.seeds else (SEEDS_DIR if SEEDS_DIR.is_dir() else None)
    # The folder's own articles, then each subfolder (held-out rounds, in name order), then the seeds.
    subsets = sorted(d for d in folder.iterdir() if d.is_dir() and d.name != "seeds") if folder.is_dir() else []
    sets: list[tuple[str, Path, Path | None]] = [(folder.name, folder, None), *((d.name, d, None) for d in subsets)]
    if seeds:
        sets.append(("seeds", EVALUATION_DIR / "seeds", seeds))
    scores = []
    for label, keys, texts in sets:
        if not keys.is_dir():
            continue
        try:
            cases = evaluate.load_cases(keys, texts)
        except evaluate.AnswerKeyError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        chars = sum(len(c.text) for c in cases) // max(1, len(cases))
        print(f"{label}: {len(cases)} articles in {keys} (mean {chars:,} characters)")
        scores += [
            evaluate.score_extractor(cases, f"{label}: extractor", args.repeat),
            evaluate.score_baseline(cases, args.repeat, f"{label}: dateparser.search_dates"),
        ]
    print(f"timing: mean of {args.repeat} passes on one core, after warm-up")
    print(evaluate.report(scores))
    if args.verbose:
        for score in scores[::2]:
            print("\n".join(score.misses))
    return 0


def cmd_curate(args: argparse.Namespace) -> int:
    """The review desk from the command line: write an article's proposals to a review file, check it, save it."""
    from .curate import review
    from .curate.save import SaveError
    from .extract import drafts
    from .records.fileio import write_atomic

    extraction = _extraction(args)
    if extraction is None:
        return EXIT_USAGE
    data_dir = Path(args.data_dir)
    current = store.load(data_dir, use_cache=False)
    known = drafts.known_jurisdictions(current.jurisdictions)
    out = Path(args.review)
    if not (args.check or args.save):
        for warning in extraction.warnings:  # a missing publication date leaves every "on Tuesday" undated
            print(f"warning: {warning}", file=sys.stderr)
        try:
            write_atomic(out, review.template(extraction, known, args.url, clock.today()).encode("utf-8"))
        except FileExistsError:
            print(f"error: {out} exists: check or save it, or remove it to start again", file=sys.stderr)
            return EXIT_USAGE
        print(f"wrote {out}: {len(extraction.actions)} draft(s) to review")
        return 0
    try:
        edited = review.read(out)
        rows = review.checked(current, edited)
        for row in rows:
            for problem in row.problems:
                print(f"{out}: {row.record.get('id')}: {problem}")
        if args.check:
            print(f"{len(rows)} record(s) kept, {sum(1 for r in rows if not r.problems)} valid")
            return 1 if any(r.problems for r in rows) else 0
        written = review.save_all(current, data_dir, extraction, known, edited, clock.today())
    except (review.ReviewError, SaveError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_curation(args: argparse.Namespace) -> int:
    """The draft-kept rate: for records saved from the review desk, which fields kept the extractor's value."""
    from .curate.report import kept_report

    print("\n".join(kept_report(Path(args.data_dir)).lines()))
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    """A view's chart as PNG, SVG or HTML: the figure the app draws, with the same filters as its URL."""
    from .output import figures, layout, render
    from .view import apply, parse

    out = Path(args.out)
    try:
        fmt = render.format_of(out)
    except render.ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if out.exists() and not args.force:
        print(f"error: {out} exists; pass --force to overwrite", file=sys.stderr)
        return EXIT_USAGE
    loaded = store.load(args.data_dir, progress=_progress(args))
    params = {key: getattr(args, key) or [] for key in ("place", "level", "topic", "type", "status", "q")}
    params |= {"from": args.date_from or [], "to": args.date_to or [], "as_of": args.as_of or []}
    params |= {"color": [args.color], "by": [args.by]}
    view, notices = parse(params, loaded, "map" if args.page == "map" else "timeline")
    # A chart that silently dropped a filter would misinform whoever it is shown to: a dropped value is an error.
    errors = [n for n in notices if n.dropped]
    if errors:
        print(f"error: {'; '.join(n.what for n in errors)}; nothing written", file=sys.stderr)
        return EXIT_USAGE
    for notice in notices:
        print(f"warning: {notice}", file=sys.stderr)
    if loaded.errors:
        print(f"warning: {len(loaded.errors)} records have problems and are not drawn; run validate", file=sys.stderr)
    frame = apply(loaded, view)
    if frame.empty:
        print("warning: no actions match these filters; the chart says so", file=sys.stderr)
    base = args.base_url.rstrip("/") if args.base_url else None
    fig = figures.figure(loaded, frame, view, args.page, base=base)
    config = {"displaylogo": False, "responsive": True, "toImageButtonOptions": layout.image_options(fig, out.stem)}
    try:
        data = render.to_bytes(fig, fmt, config)
    except render.ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    status = _write(data, str(out), args.force)
    if status == 0:
        print(f"wrote {out}: {args.page} of {len(frame):,} actions; data as of {loaded.as_of}", file=sys.stderr)
    return status


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Validate a data folder and write its frames to one file the dashboard can start from (POLICIES_SNAPSHOT)."""
    loaded = store.load(args.data_dir, use_cache=False, progress=_progress(args))
    if loaded.errors and not args.allow_errors:
        for problem in loaded.errors[:20]:
            print(problem, file=sys.stderr)
        print(f"error: {len(loaded.errors)} records have problems; fix them or pass --allow-errors", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        store.save_snapshot(loaded, args.out, force=args.force)
    except FileExistsError:
        print(f"error: {args.out} exists; pass --force to overwrite", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"wrote {args.out}: {len(loaded.actions):,} actions, data as of {loaded.as_of}; "
        f"start the dashboard with POLICIES_SNAPSHOT={args.out}",
        file=sys.stderr,
    )
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    """A synthetic curated tree of N valid actions, for measuring scale; the same tree for the same seed."""
    from . import synth

    out = Path(args.out)
    if out.exists() and any(out.iterdir()) and not args.force:
        print(f"error: {out} exists and is not empty; pass --force to write into it", file=sys.stderr)
        return EXIT_USAGE
    if args.actions < 1:
        print("error: --actions must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    synth.write_tree(
        out, args.actions, args.seed, progress=_progress(args, "writing actions"), codebooks=Path(args.codebooks)
    )
    print(
        f"wrote {args.actions:,} actions to {out} (seed {args.seed}); check with: python -m policies validate {out}",
        file=sys.stderr,
    )
    return 0


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _write(text: str | bytes, out: str | None, force: bool) -> int:
    if not out:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return 0
    from .records.fileio import write_atomic

    try:
        write_atomic(Path(out), text.encode("utf-8") if isinstance(text, str) else text, force=force)
    except FileExistsError:
        print(f"error: {out} exists; pass --force to overwrite", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _progress(args: argparse.Namespace, doing: str = "loading records"):
    """A progress line on a terminal (the cold load of a large tree takes a while); nothing when piped."""
    if not sys.stderr.isatty() or getattr(args, "quiet", False):
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{doing} {done:,}/{total:,}", end="\n" if done == total else "", file=sys.stderr)

    return show


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m policies", description="Local-policy tracker tools.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check every record and codebook; exit 1 if there are errors")
    p.add_argument("data_dir", nargs="?", default=str(paths.data_dir()))
    p.add_argument("--texts", metavar="DIR", help="folder of source texts: check evidence quotes against them")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="write the flattened table (one row per action, or per provision)")
    p.add_argument("--data-dir", default=str(paths.data_dir()))
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--provisions", action="store_true", help="one row per provision")
    p.add_argument(
        "--as-of", dest="as_of", type=_iso_date, metavar="YYYY-MM-DD", help="status on this date (default today)"
    )
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("schema", help="print the JSON Schema of a record file")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "extract", help="draft records from a news article (dates resolved against its publication date)"
    )
    p.add_argument("article", help="a plain-text article (UTF-8; other encodings are tried with a warning)")
    p.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date (else the article's date line)"
    )
    p.add_argument("--url", help="the article's address, cited in the source entry (nothing is fetched)")
    p.add_argument("--format", choices=["yaml", "json"], default="yaml")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of standard output")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument("--data-dir", default=str(paths.data_dir()), help="whose codebook tells known places from new ones")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("curate", help="the review desk on the command line: proposals to a file, checked, saved")
    p.add_argument("article", help="a plain-text article")
    p.add_argument("--review", required=True, metavar="FILE", help="the review file (written first, then edited)")
    p.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date")
    p.add_argument("--url", help="the article's address (cited, never fetched)")
    p.add_argument("--data-dir", default=str(paths.data_dir()), help="the data folder to check against and save into")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="report problems by record and field; exit 1 if any")
    mode.add_argument("--save", action="store_true", help="save every kept record (all must validate)")
    p.set_defaults(func=cmd_curate)

    p = sub.add_parser("curation", help="the draft-kept rate of records saved from the review desk")
    p.add_argument("--data-dir", default=str(paths.data_dir()), help="the data folder (default data/)")
    p.set_defaults(func=cmd_curation)

    p = sub.add_parser("evaluate", help="score the extractor against the evaluation set, with a baseline and speed")
    p.add_argument(
        "folder",
        nargs="?",
        default=None,
        help="articles (*.txt) with answer keys (*.yaml); default benchmarks/extraction",
    )
    p.add_argument(
        "--seeds",
        metavar="DIR",
        default=None,
        help="also score the seed articles in DIR (default ../shared/seeds when present)",
    )
    p.add_argument("--repeat", type=int, default=3, help="passes over the set when timing")
    p.add_argument("--verbose", action="store_true", help="list every missed and extra action")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser(
        "chart",
        help="draw a view's chart to PNG, SVG or self-contained HTML, with the filters of its URL",
        description="Filters take the URL's names and values; list filters repeat (--place a --place b) or take "
        "commas. Unknown values are errors: nothing is written.",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.png (1920 px wide), FILE.svg or FILE.html")
    p.add_argument("--page", choices=["timeline", "map", "counts"], default="timeline")
    p.add_argument("--by", choices=["jurisdiction", "topic"], default="jurisdiction", help="what --page counts counts")
    for key, what in (
        ("place", "jurisdiction id"),
        ("level", "federal, state, county or city"),
        ("topic", "topic id"),
        ("type", "action type id"),
        ("status", "status id"),
    ):
        p.add_argument(f"--{key}", action="append", metavar=key.upper(), help=f"{what}; repeat or use commas")
    p.add_argument("--from", dest="date_from", action="append", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", action="append", metavar="YYYY-MM-DD")
    p.add_argument("--as-of", dest="as_of", action="append", metavar="YYYY-MM-DD", help="status on this date")
    p.add_argument("--q", action="append", metavar="TEXT", help="free-text search")
    p.add_argument("--color", default="level", metavar="level|topic", help="what the timeline's colours show")
    p.add_argument("--base-url", metavar="URL", help="address in the footer's permalink (default $POLICIES_BASE_URL)")
    p.add_argument("--data-dir", default=str(paths.data_dir()))
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=cmd_chart)

    p = sub.add_parser("snapshot", help="validate and write the data as one file the dashboard starts from")
    p.add_argument("data_dir", nargs="?", default=str(paths.data_dir()))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument("--allow-errors", action="store_true", help="write it even if some records have errors")
    p.set_defaults(func=cmd_snapshot)

    p = sub.add_parser("synth", help="write a synthetic tree of N valid actions over real US places (scale tests)")
    p.add_argument("--actions", type=int, required=True, metavar="N")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--seed", type=int, default=0, help="the same seed gives the same tree")
    p.add_argument(
        "--codebooks",
        default=str(paths.data_dir() / "codebooks"),
        metavar="DIR",
        help="topics, types and statuses to use",
    )
    p.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    p.set_defaults(func=cmd_synth)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
