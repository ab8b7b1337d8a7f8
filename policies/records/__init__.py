"""Curated YAML records: the schema (model.py), the rules across records (validate.py), reading one file with
line numbers (yamlfile.py, parse.py), the problems they report (problems.py), places (gazetteer.py) and safe
writes (fileio.py). No pandas, no Streamlit: what a record is, and whether it is valid."""
