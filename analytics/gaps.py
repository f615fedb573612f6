"""Follow-up gaps and stale follow-ups: what a partnership agreed or discussed and did not act on."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from loaders.atlas import Atlas


def _session_themes(atlas: Atlas, partnership_id: str) -> pd.DataFrame:
    links = atlas.session_themes[atlas.session_themes["partnership_id"] == partnership_id]
    dates = atlas.sessions[["id", "date"]].rename(columns={"id": "session_id"})
    return links.merge(dates, on="session_id")


def follow_up_gaps(atlas: Atlas, partnership_id: str, cities: Sequence[str]) -> pd.DataFrame:
    """Themes discussed (topics) or agreed (follow_up) for which none of `cities` has an initiative.

    One row per theme: theme_id, agreed, discussed, first and last session date.
    """
    links = _session_themes(atlas, partnership_id)
    covered = atlas.initiative_themes.loc[atlas.initiative_themes["city_id"].isin(cities), "theme_id"]
    links = links[~links["theme_id"].isin(set(covered))]
    table = (
        links.assign(agreed=links["role"].eq("follow_up"), discussed=links["role"].eq("topic"))
        .groupby("theme_id", as_index=False)
        .agg(
            agreed=("agreed", "any"),
            discussed=("discussed", "any"),
            first_date=("date", "min"),
            last_date=("date", "max"),
        )
    )
    return table.sort_values("theme_id", ignore_index=True)


def stale_follow_ups(atlas: Atlas, partnership_id: str) -> pd.DataFrame:
    """Agreed themes that no later session of the pair took up again (as a topic or follow-up).

    One row per theme: theme_id and agreed_on, the date of the latest session that agreed it.
    A follow-up agreed at the pair's latest session is stale until a later session takes it up.
    """
    links = _session_themes(atlas, partnership_id)
    agreed = links[links["role"] == "follow_up"].groupby("theme_id")["date"].max()
    mentioned = links.groupby("theme_id")["date"].max()
    stale = agreed[agreed >= mentioned.reindex(agreed.index)]
    return stale.rename("agreed_on").reset_index().sort_values("theme_id", ignore_index=True)
