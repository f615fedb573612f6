"""Pure figure builders: tables in, plotly Figures out, one palette and one set of layout defaults."""
