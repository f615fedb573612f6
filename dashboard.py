"""Twinning Atlas: where twinned cities overlap, what they agreed, who should partner next.

Run `streamlit run dashboard.py` for the shipped data/, or add `-- --data /path` (or set
TWINNING_ATLAS_DATA=/path) for another data folder.
"""

from ui.frame import run_app

run_app()
