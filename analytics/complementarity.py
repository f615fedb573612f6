"""Complementarity, directional: how much of what B needs does A offer (A can help B)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.profiles import OFFERING_STATUSES, Profiles
from loaders.atlas import Atlas


@dataclass(frozen=True)
class Complementarity:
    """|offers(helper) ∩ needs(helped)| / |needs(helped)|, with the themes and initiatives behind it."""

    helper: str
    helped: str
    score: float
    needs: list[str]  # the helped city's needs: `seeks` plus the themes of its stated interests
    met: list[str]  # needs the helper offers
    initiatives: pd.DataFrame  # the helper's ongoing/completed initiatives that carry a met need

    @property
    def label(self) -> str:
        return f"{self.helper}->{self.helped}"


def complementarity(atlas: Atlas, profiles: Profiles, helper: str, helped: str) -> Complementarity:
    """A can help B: offers are themes of A's ongoing or completed initiatives (see DESIGN.md)."""
    offers = profiles.offers[profiles.row(helper)]
    needs = profiles.needs[profiles.row(helped)]
    met_mask = offers & needs
    needed = sorted(profiles.theme_ids[needs])
    met = sorted(profiles.theme_ids[met_mask])
    score = len(met) / len(needed) if needed else 0.0
    return Complementarity(helper, helped, score, needed, met, _offering(atlas, helper, met))


def _offering(atlas: Atlas, city: str, themes: list[str]) -> pd.DataFrame:
    links = atlas.initiative_themes
    links = links[(links["city_id"] == city) & links["theme_id"].isin(themes)]
    initiatives = atlas.initiatives[atlas.initiatives["status"].isin(OFFERING_STATUSES)]
    table = links[["initiative_id", "theme_id"]].merge(
        initiatives[["id", "title", "status"]], left_on="initiative_id", right_on="id"
    )
    return table.drop(columns="id").sort_values(["theme_id", "initiative_id"], ignore_index=True)
