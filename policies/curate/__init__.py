"""The review desk's library: an article's drafts become records a curator checks, fixes and saves.

    Extraction ─ proposal.propose ─▶ [Proposal] ─ (curator edits) ─ check.check ─▶ problems by field
                                                                 ─ duplicates.find ─▶ possible duplicates
                                                                 ─ save.files / save.save ─▶ data/ files

The desk page (`policies.ui.add_article`) only lays these out; nothing here imports Streamlit.
"""
