"""Synthetic curated trees for measuring scale: N realistic, valid actions over real US places.

`python -m policies synth --actions N --out DIR [--seed S]` writes the same layout as `data/` (codebooks,
sources, one YAML file per action) and the same tree for the same N and seed. Places come from the gazetteer
(every state and D.C., every county, US cities of 100,000+ people); topics, action types and statuses are
the bundled codebooks. Every record passes `validate`; none of it is real: sources point at example.org.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import us
import yaml

from .paths import DATA_DIR
from .records import gazetteer, vocabulary
from .records.gazetteer import state_name
from .records.model import slugify as slug
from .records.yamlfile import Loader, dump

MIN_CITY_POPULATION = 100_000
FIRST_DAY, LAST_DAY = dt.date(2017, 1, 2), dt.date(2026, 10, 30)
LAST_VERIFIED = dt.date(2026, 11, 1)  # fixed, so a tree depends on N and the seed only
LEVEL_SHARE = {"city": 0.45, "county": 0.15, "state": 0.28, "federal": 0.12}
TYPE_SHARE = {
    "executive-order": 0.16,
    "law": 0.2,
    "court-order": 0.1,
    "lawsuit": 0.12,
    "deployment": 0.05,
    "enforcement-operation": 0.07,
    "announcement": 0.18,
    "agency-directive": 0.12,
}
SURNAMES = (
    "Alvarez",
    "Brooks",
    "Chen",
    "Delgado",
    "Ellis",
    "Fischer",
    "Garza",
    "Hughes",
    "Ibarra",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreno",
    "Nakamura",
    "Okafor",
    "Patel",
    "Quinn",
    "Reyes",
    "Sato",
    "Tran",
)
GIVEN = ("Ana", "Ben", "Carla", "Dev", "Elena", "Frank", "Grace", "Hugo", "Iris", "Jon", "Kira", "Luis", "Maya")
PROVISIONS = {
    "police-cooperation": ("{who} may not help federal agents with civil immigration enforcement.", "prohibits"),
    "masks": ("{who} may not wear masks that hide their identity while on duty.", "prohibits"),
    "body-cameras": ("{who} must wear body cameras and keep them on during enforcement.", "requires"),
    "identification": ("{who} must display their name and badge number.", "requires"),
    "city-property": ("{who} may not use government property for immigration enforcement.", "prohibits"),
    "national-guard": ("{who} must coordinate any Guard deployment with local officials.", "requires"),
    "enforcement-resources": ("{who} must report requests for enforcement support each month.", "requires"),
    "litigation": ("{who} must preserve records relevant to the case.", "requires"),
    "courthouse-arrests": ("{who} may not make civil immigration arrests in courthouses.", "prohibits"),
    "data-privacy": ("{who} may not share immigration-status information without a warrant.", "prohibits"),
    "oversight": ("{who} should report complaints about enforcement to an oversight board.", "urges"),
    "federal-control": ("{who} must keep command of local police with local officials.", "requires"),
}
APPLIES_TO = {
    "city": "city police",
    "county": "county sheriff's deputies",
    "state": "state agencies",
    "federal": "federal immigration agents",
}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    level: str
    parent: str | None
    state: str | None
    geonameid: int | None


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """The federal government, every state and D.C., big cities and their counties, from the gazetteer."""
    out = [Place("us", "United States (federal government)", "federal", None, None, None)]
    for st in us.states.STATES:
        out.append(Place(f"us-{st.abbr.lower()}", st.name, "state", "us", st.abbr, None))
    out.append(Place("us-dc", "Washington, D.C.", "city", "us", "DC", 4140963))
    states = {st.abbr for st in us.states.STATES}
    seen = {p.id for p in out}
    for county in sorted(gazetteer._cache().get_us_counties(), key=lambda c: c["fips"]):
        code = county["state"]
        county_id = f"us-{code.lower()}-{slug(county['name'])}"
        if code in states and county_id not in seen:  # counties have no point in the gazetteer: maps use the state's
            seen.add(county_id)
            out.append(
                Place(
                    county_id,
                    f"{county['name']}, {state_name(code)}",
                    "county",
                    f"us-{code.lower()}",
                    code,
                    None,
                )
            )
    for city in sorted(gazetteer.cities().values(), key=lambda c: -int(c["population"])):
        code = city["admin1code"]
        if city["countrycode"] != "US" or code not in states or int(city["population"]) < MIN_CITY_POPULATION:
            continue
        city_id = f"us-{code.lower()}-{slug(city['name'])}"
        if city_id not in seen:
            seen.add(city_id)
            out.append(
                Place(
                    city_id,
                    f"{city['name']}, {state_name(code)}",
                    "city",
                    f"us-{code.lower()}",
                    code,
                    int(city["geonameid"]),
                )
            )
    return tuple(out)


def write_tree(
    out: Path, actions: int, seed: int = 0, progress: Progress | None = None, codebooks: Path = DATA_DIR / "codebooks"
) -> None:
    """Write a curated tree of `actions` records to `out` (which must not exist or be empty), with the topics,
    action types and statuses of the `codebooks` folder (jurisdictions come from the gazetteer)."""
    rng = random.Random(seed)
    everywhere = places()
    by_level = {level: [p for p in everywhere if p.level == level] for level in LEVEL_SHARE}
    topics = [t["id"] for t in _read(codebooks / "topics.yaml")]
    words = vocabulary.load(codebooks.resolve())  # binding types and default topics, from the codebook
    out.mkdir(parents=True, exist_ok=True)
    (out / "actions").mkdir(exist_ok=True)
    shutil.copytree(codebooks, out / "codebooks", dirs_exist_ok=True)
    _dump(out / "codebooks" / "jurisdictions.yaml", [_codebook_entry(p) for p in everywhere])
    sources = [_source(i, rng) for i in range(max(10, actions // 4))]
    _dump(out / "sources.yaml", sources)
    ids: list[str] = []
    for i in range(actions):
        record = _action(i, rng, by_level, topics, [s["id"] for s in sources], ids, words)
        ids.append(record["id"])
        (out / "actions" / f"{record['id']}.yaml").write_text(dump(record))
        if progress and (i % 1000 == 0 or i == actions - 1):
            progress(i + 1, actions)


def _action(
    i: int,
    rng: random.Random,
    by_level: dict,
    topics: list[str],
    sources: list[str],
    earlier: list[str],
    words: vocabulary.Vocabulary,
) -> dict:
    level = _pick(rng, LEVEL_SHARE)
    kind = _pick(rng, TYPE_SHARE)
    if kind == "court-order" and level in ("city", "county"):
        level = "federal"  # courts are federal or state
    place = rng.choice(by_level[level])
    target = rng.choice(by_level["city"]) if level in ("federal", "state") else place
    precision = rng.choices(["day", "week", "month"], [0.85, 0.1, 0.05])[0]
    date = _aligned(FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days)), precision)
    chosen = list(dict.fromkeys(list(words.type_topics.get(kind, ())) + rng.sample(topics, rng.randint(1, 2))))
    cited = rng.sample(sources, rng.randint(1, 2))
    record = {
        "id": f"{place.id}-{kind}-{date.isoformat()}-{i}",
        "title": f"{_actor(place, kind)}: {kind.replace('-', ' ')} on {', '.join(t.replace('-', ' ') for t in chosen)}",
        "summary": f"Synthetic record {i} for scale tests: {kind.replace('-', ' ')} by {place.name} on {', '.join(chosen)}.",
        "jurisdiction": place.id,
        "places": list(dict.fromkeys([target.id, place.id] if place.level != "federal" else [target.id])),
        "actor": _actor(place, kind),
        "action_type": kind,
        "date": date,
        "date_precision": precision,
        "events": _events(kind, date, precision, cited[0], rng, kind in words.binding),
        "topics": chosen,
        "sources": cited,
        "last_verified": LAST_VERIFIED,
    }
    if kind in words.binding:
        record["provisions"] = [_provision(topic, place.level, j, cited[0]) for j, topic in enumerate(chosen)]
    else:
        record["evidence"] = [{"source": cited[0], "paraphrase": f"The source reports this {kind.replace('-', ' ')}."}]
    if earlier and rng.random() < 0.2:
        record["related"] = [
            {"type": rng.choice(["responds-to", "challenges", "implements"]), "action": rng.choice(earlier[-500:])}
        ]
    return record


def _events(kind: str, date: dt.date, precision: str, source: str, rng: random.Random, binds: bool) -> list[dict]:
    first = {"lawsuit": "filed", "announcement": "announced", "enforcement-operation": "effective"}.get(kind, "signed")
    if kind == "deployment" and rng.random() < 0.3:
        first = "threatened"
    events = [{"type": first, "date": date, "date_precision": precision, "source": source}]
    day = date + dt.timedelta(days=6 if precision == "week" else 30 if precision == "month" else 0)
    if binds and kind != "agency-directive":
        day += dt.timedelta(days=rng.randint(0, 30))
        events.append({"type": "effective", "date": day, "source": source})
        if rng.random() < 0.15:
            day += dt.timedelta(days=rng.randint(1, 120))
            events.append({"type": "challenged", "date": day, "source": source})
            if rng.random() < 0.5:
                day += dt.timedelta(days=rng.randint(1, 60))
                events.append({"type": "blocked", "date": day, "source": source})
        elif rng.random() < 0.05:
            events.append(
                {
                    "type": rng.choice(["expired", "rescinded"]),
                    "date": day + dt.timedelta(days=rng.randint(30, 700)),
                    "source": source,
                }
            )
    return events


def _provision(topic: str, level: str, j: int, source: str) -> dict:
    text, requirement = PROVISIONS.get(
        topic, ("{who} must follow the new rules on " + topic.replace("-", " ") + ".", "requires")
    )
    who = APPLIES_TO[level]
    return {
        "id": f"{topic}-{j + 1}",
        "text": text.format(who=who.capitalize()),
        "applies_to": who,
        "requirement": requirement,
        "topics": [topic],
        "evidence": [{"source": source, "paraphrase": f"The source describes the {topic.replace('-', ' ')} rule."}],
    }


def _actor(place: Place, kind: str) -> str:
    key = zlib.crc32(place.id.encode())  # the same official for a place in every run (hash() is salted)
    name = f"{GIVEN[key % len(GIVEN)]} {SURNAMES[key // len(GIVEN) % len(SURNAMES)]}"
    if kind == "court-order":
        return f"{'U.S. District' if place.level == 'federal' else 'State'} Judge {name}"
    return {
        "city": f"Mayor {name}",
        "county": f"County Executive {name}",
        "state": f"Gov. {name}",
        "federal": "Department of Homeland Security",
    }[place.level]


def _source(i: int, rng: random.Random) -> dict:
    return {
        "id": f"synth-source-{i}",
        "outlet": f"Synthetic Wire {i % 40}",
        "title": f"Synthetic report {i}",
        "url": f"https://example.org/synthetic/{i}",
        "published": FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days)),
    }


def _codebook_entry(p: Place) -> dict:
    entry: dict[str, str | int] = {"id": p.id, "name": p.name, "level": p.level}
    entry |= {k: v for k, v in (("parent", p.parent), ("state", p.state), ("geonameid", p.geonameid)) if v}
    return entry


def _pick(rng: random.Random, shares: dict[str, float]) -> str:
    return rng.choices(list(shares), list(shares.values()))[0]


def _aligned(day: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1) if precision == "month" else day


def _read(path: Path) -> list[dict]:
    return yaml.load(path.read_text(), Loader=Loader)


def _dump(path: Path, data: object) -> None:
    path.write_text(dump(data))
