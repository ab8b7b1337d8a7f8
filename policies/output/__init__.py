"""A view -> what people take away: figures with their provenance layout, display tables, files (CSV, JSON,
printable HTML, PNG/SVG/HTML charts), file names, and the escapers every markup goes through.

    figures.py  timeline, map and count bars          layout.py   title, subtitle, legends, footer, image size
    tables.py   the tables pages show                 export.py   CSV/JSON of a view
    summary.py  an action's printable page            render.py   a figure as a PNG, SVG or HTML file
    names.py    file names from a view                escape.py   markdown, plotly, HTML, CSV cells, URLs
    formats.py  dates in words                        theme.py    colours, symbols, fonts
"""
