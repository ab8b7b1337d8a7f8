"""AppTest runs of dashboard.py: every page, every filter, query-string round trips and bad query values."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import BROKEN_RECORD
from trees import HOSTILE_ID, XSS

from policies.view import Filters, View, apply

CHICAGO = "us-il-chicago"
CHICAGO_EO = "chicago-eo-federal-enforcement-2025-08-30"
PAGES = ("timeline", "requirements", "map", "sources", "about")


def _actions_table(at):
    """The timeline's table of actions (the charts' data tables come before it on the page)."""
    return at.dataframe(key="timeline_table")


def _table_ids(at) -> list[str]:
    return list(_actions_table(at).value["id"])


def _qp(at) -> dict[str, list[str]]:
    """The URL the app wrote, each key as a list (AppTest gives one value as a bare string)."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


def _texts(at) -> str:
    parts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "text", "warning", "info")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_errors(make_app, page) -> None:
    at = make_app({"place": CHICAGO}, page=page)
    assert not at.exception
    assert at.title, f"{page} has no title"


def test_home_shows_every_action_in_chart_and_table(make_app, tracker_store) -> None:
    at = make_app()
    assert at.title[0].value == "Timeline"
    assert sorted(_table_ids(at)) == sorted(tracker_store.actions["id"])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    plotted = [row[0] for trace in spec["data"] if trace.get("customdata") for row in trace["customdata"]]
    assert sorted(plotted) == sorted(tracker_store.actions["id"])


def test_place_in_the_url_shows_that_place_and_federal_actions_aimed_at_it_only(make_app, tracker_store) -> None:
    at = make_app({"place": CHICAGO})
    ids = set(_table_ids(at))
    places = tracker_store.places
    expected = set(places.loc[places["place"] == CHICAGO, "action_id"])
    assert ids == expected
    levels = dict(zip(tracker_store.actions["id"], tracker_store.actions["level"]))
    assert any(levels[i] == "federal" for i in ids), "federal actions aimed at Chicago belong in its view"
    assert at.multiselect(key="f_place").value == [CHICAGO]


def test_comma_separated_and_repeated_values_are_both_accepted(make_app) -> None:
    at = make_app({"level": "city,state", "type": ["law", "executive-order"]})
    assert at.multiselect(key="f_level").value == ["city", "state"]
    assert at.multiselect(key="f_type").value == ["law", "executive-order"]
    assert set(_actions_table(at).value["Level"]) <= {"City", "State"}
    assert _qp(at)["level"] == ["city", "state"]


def test_query_string_round_trips_every_filter(make_app, tracker_store) -> None:
    params = {
        "place": [CHICAGO],
        "level": ["city"],
        "topic": ["masks"],
        "type": ["executive-order"],
        "status": ["signed"],
        "from": ["2025-08-01"],
        "to": ["2025-12-31"],
        "q": ["police"],
        "as_of": ["2025-11-01"],
        "policy": [CHICAGO_EO],
        "color": ["topic"],
    }
    at = make_app(params)
    assert not at.exception and not at.warning
    assert _qp(at) == params
    view = View(
        filters=Filters(
            place=(CHICAGO,),
            level=("city",),
            topic=("masks",),
            type=("executive-order",),
            status=("signed",),
            q="police",
            date_from=dt.date(2025, 8, 1),
            date_to=dt.date(2025, 12, 31),
        ),
        as_of=dt.date(2025, 11, 1),
    )
    assert _table_ids(at) == list(apply(tracker_store, view)["id"])


@pytest.mark.parametrize(
    "params,notice",
    [
        ({"place": "atlantis"}, "Ignored unknown place 'atlantis'."),
        ({"from": "31/12/2025"}, "Ignored 'from'"),
        ({"as_of": "yesterday"}, "Ignored 'as_of'"),
        ({"policy": "<script>"}, "Ignored unknown policy '<script>'."),
        ({"color": "rainbow"}, "Ignored unknown color"),
        ({"to": "0001-01-01"}, "outside"),
        ({"place": "[x](javascript:alert(1))"}, "Ignored unknown place '[x](javascript:alert(1))'."),
    ],
)
def test_bad_query_values_are_ignored_with_a_visible_notice(make_app, params, notice) -> None:
    at = make_app(params)
    assert not at.exception
    assert any(notice in w.value.replace("\\", "") for w in at.warning)
    assert len(_table_ids(at)) > 0
    assert not any(k in at.query_params for k in params)


def test_filters_survive_moving_between_pages(make_app) -> None:
    at = make_app({"place": CHICAGO, "topic": "masks"})
    for page in ("map", "sources", "timeline"):
        from streamlit.util import calc_hash

        at._page_hash = calc_hash(page)
        at.run()
        assert _qp(at)["place"] == [CHICAGO] and _qp(at)["topic"] == ["masks"], page
        assert at.multiselect(key="f_place").value == [CHICAGO]


def test_changing_a_sidebar_filter_refilters_and_rewrites_the_url(make_app) -> None:
    at = make_app()
    everything = len(_table_ids(at))
    at.multiselect(key="f_level").set_value(["city"]).run()
    assert set(_actions_table(at).value["Level"]) == {"City"} and len(_table_ids(at)) < everything
    assert _qp(at)["level"] == ["city"]
    at.text_input(key="f_q").set_value("body camera").run()
    assert _qp(at)["q"] == ["body camera"]


def test_empty_view_says_so_and_resets(make_app) -> None:
    at = make_app({"q": "nothing says zzqxv"})
    assert any("No actions match these filters" in i.value for i in at.info)
    at.button(key="reset_empty").click().run()
    assert not any("No actions match" in i.value for i in at.info)
    assert "q" not in at.query_params and len(_table_ids(at)) > 0


def test_as_of_shows_status_on_that_date_and_leaves_out_later_actions(make_app, tracker_store) -> None:
    at = make_app({"as_of": "2025-08-31"})
    table = _actions_table(at).value
    dates = tracker_store.actions.set_index("id").loc[list(table["id"]), "date"]
    assert (dates <= "2025-08-31").all() and len(table) < len(tracker_store.actions)


def test_colour_option_comes_from_the_url(make_app) -> None:
    at = make_app({"color": "topic"})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["legend"]["title"]["text"].startswith("Topic")
    assert at.radio(key="color").value == "topic"


def test_requirements_page_shows_the_linked_action_with_evidence_and_disagreement(make_app, tracker_store) -> None:
    at = make_app({"policy": CHICAGO_EO}, page="requirements")
    title = tracker_store.actions.set_index("id").loc[CHICAGO_EO, "title"]
    assert at.selectbox(key="_w_policy").value == CHICAGO_EO
    texts = _texts(at)
    assert "Mayor Brandon Johnson" in texts
    assert "Who must comply: Chicago Police Department" in texts
    assert "Sources disagree" in texts
    assert any(title.split()[0] in h.value for h in at.header)
    quote = tracker_store.evidence.dropna(subset=["quote"]).query("action_id == @CHICAGO_EO")["quote"].iloc[-1]
    assert quote.split()[2] in texts
    assert at.dataframe, "the requirements matrix is drawn"
    assert _qp(at)["policy"] == [CHICAGO_EO]


def test_requirements_picker_changes_the_url(make_app, tracker_store) -> None:
    at = make_app(page="requirements")
    other = tracker_store.actions["id"].iloc[0]
    at.selectbox(key="_w_policy").set_value(other).run()
    assert _qp(at)["policy"] == [other]


def test_hostile_text_is_shown_as_characters(make_app, hostile_data) -> None:
    at = make_app({"policy": HOSTILE_ID}, page="requirements", data=hostile_data)
    assert not at.exception
    header = at.header[0].value
    assert "<" not in header.replace("\\<", "") and header.replace("\\", "") == XSS
    for md_element in at.markdown:
        assert "<script" not in md_element.value.replace("\\<", "")


def test_about_lists_the_broken_record_and_the_app_keeps_working(make_app, hostile_data) -> None:
    at = make_app(page="about", data=hostile_data)
    problems = at.dataframe[-1].value  # the data-issues panel is the last table
    assert BROKEN_RECORD in set(problems["File"])
    assert at.metric[0].value == "3"  # the three valid records still load
    home = make_app(data=hostile_data)
    assert len(_table_ids(home)) == 3


def test_url_text_in_notices_is_not_markup(make_app) -> None:
    at = make_app({"place": "[x](javascript:alert(1))"})
    assert "](" not in at.warning[0].value


def test_sources_page_lists_every_source_with_what_cites_it(make_app, tracker_store) -> None:
    at = make_app(page="sources")
    labels = [e.label.replace("\\", "") for e in at.expander]  # labels are markdown, escaped: the text as read
    assert len(labels) == len(tracker_store.sources)
    eo_sources = tracker_store.actions.set_index("id").loc[CHICAGO_EO, "sources"].split(", ")
    outlets = dict(zip(tracker_store.sources["id"], tracker_store.sources["outlet"]))
    cited = [label for label in labels if label.startswith(outlets[eo_sources[0]])]
    assert cited and not cited[0].endswith("(0 actions)")
    assert "Chicago executive order on the city" in _texts(at).replace("\\", "")


def test_a_source_cited_by_many_lists_the_first_and_counts_the_rest(make_app, tracker_store, monkeypatch) -> None:
    from policies.ui import sources

    monkeypatch.setattr(sources, "CITING_SHOWN", 1)
    most = tracker_store.citations["source"].value_counts()
    assert most.iloc[0] >= 3, "the bundled data has a source cited by several actions"
    at = make_app(page="sources")
    bodies = "\n".join(m.value for m in at.markdown)
    assert (
        f"…and {most.iloc[0] - 1:,} more actions in this view cite it: filter by place, topic or search to list them."
        in bodies
    )
