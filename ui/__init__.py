"""Streamlit pieces the pages share: data loading, filters, URL state, downloads, empty states."""
