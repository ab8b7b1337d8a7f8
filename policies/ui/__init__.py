"""The Streamlit layer: page modules (render()) and the glue they share (store loader, filters, URL sync)."""
