"""One-sentence plain-language readings of the scores, for people who do not read Jaccard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analytics.complementarity import Complementarity
from analytics.overlap import PairOverlap


def _names(ids: Sequence[str], labels: Mapping[str, str]) -> str:
    names = [labels.get(i, i) for i in ids]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def jaccard_reading(result: PairOverlap, a: str, b: str) -> str:
    union = len(result.shared) + len(result.only_a) + len(result.only_b)
    if not union:
        return f"Neither {a} nor {b} has a tagged initiative yet, so there is nothing to compare."
    return (
        f"{a} and {b} share {len(result.shared)} of the {union} themes they work on between them "
        f"(Jaccard {result.jaccard:.2f})."
    )


def overlap_reading(result: PairOverlap, a: str, b: str) -> str:
    n_a = len(result.shared) + len(result.only_a)
    n_b = len(result.shared) + len(result.only_b)
    if not min(n_a, n_b):
        return "One of the two cities has no tagged initiative, so the overlap coefficient is 0."
    smaller, size = (a, n_a) if n_a <= n_b else (b, n_b)
    other = b if smaller == a else a
    return (
        f"{len(result.shared)} of the {size} themes of {smaller} are also themes of {other} "
        f"(overlap coefficient {result.overlap:.2f}, fair to a city with few initiatives)."
    )


def cosine_reading(result: PairOverlap) -> str:
    return (
        f"Counting how many initiatives each city has per theme, their profiles are "
        f"{result.cosine:.0%} alike (cosine {result.cosine:.2f})."
    )


def thin_reading(result: PairOverlap, a: str, b: str) -> str | None:
    thin = [name for name, flag in ((a, result.thin_a), (b, result.thin_b)) if flag]
    if not thin:
        return None
    return (
        f"Thin evidence: {' and '.join(thin)} {'has' if len(thin) == 1 else 'have'} fewer than three "
        "tagged initiatives, so read these scores as a first impression, not a ranking."
    )


def complementarity_reading(
    result: Complementarity, helper: str, helped: str, theme_labels: Mapping[str, str]
) -> str:
    if not result.needs:
        return (
            f"{helped} has not said what it wants to learn (no `seeks`, no interest recorded in a "
            f"session), so what {helper} could offer it is unknown."
        )
    if not result.met:
        return (
            f"{helper} runs no ongoing or completed work on the {len(result.needs)} themes {helped} wants "
            f"to learn about ({_names(result.needs, theme_labels)})."
        )
    return (
        f"{helper} runs work on {len(result.met)} of the {len(result.needs)} themes {helped} wants to "
        f"learn about: {_names(result.met, theme_labels)} (score {result.score:.2f})."
    )
