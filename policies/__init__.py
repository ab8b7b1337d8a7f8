"""Local-policy tracker: curated, sourced records of government action on immigration enforcement.

Data flows one way: article -> draft (extract) -> curated YAML (data/) -> validated frames (store)
-> views (filters, charts, the Streamlit pages).
"""

__version__ = "0.1.0"
