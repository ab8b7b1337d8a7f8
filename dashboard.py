"""The local-policy tracker dashboard: `streamlit run dashboard.py` (pages live in policies/ui)."""

import streamlit as st

from policies.i18n import tr
from policies.ui import about, add_article, requirements, sources, state, timeline
from policies.ui import map as map_page

st.set_page_config(page_title="Local-policy tracker", page_icon=":material/map:", layout="wide")
state.language()  # first: page titles and everything after are in this run's language

PAGES = {
    "timeline": st.Page(
        timeline.render, title=tr("Timeline"), url_path="timeline", icon=":material/timeline:", default=True
    ),
    "requirements": st.Page(
        requirements.render, title=tr("Requirements"), url_path="requirements", icon=":material/checklist:"
    ),
    "map": st.Page(map_page.render, title=tr("Map"), url_path="map", icon=":material/map:"),
    "sources": st.Page(sources.render, title=tr("Sources"), url_path="sources", icon=":material/newspaper:"),
    "about": st.Page(about.render, title=tr("About"), url_path="about", icon=":material/info:"),
    "add": st.Page(add_article.render, title=tr("Add from article"), url_path="add", icon=":material/add:"),
}
st.session_state["_pages"] = PAGES
navigation = st.navigation(list(PAGES.values()), position="hidden" if state.presenting() else "sidebar")
state.prepare()  # before the page: the sidebar filters then keep their state across pages
navigation.run()
state.finish()  # after the page: the sidebar's widgets, so the browser draws the page's chart first
