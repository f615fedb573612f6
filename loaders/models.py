"""The data format of DESIGN.md as pydantic v2 models: the schema's single source of truth.

Three file kinds: `themes.yaml` (ThemesFile), `cities/<id>.yaml` (City) and
`partnerships/<id>.yaml` (Partnership). Unknown keys are errors, so a typo never vanishes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from loaders.countries import COUNTRY_NAMES

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARTNERSHIP_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$"
URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://[^\s/?#@]+(?:[/?#]\S*)?$"  # a host, then no spaces; any case
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")

INITIATIVE_TYPES = ("programme", "project", "pilot-project", "facility", "institution", "other")
STATUSES = ("planned", "ongoing", "completed", "unknown")
PARTNERSHIP_KINDS = ("twinning", "cooperation", "network")
SESSION_TYPES = ("working-session", "study-visit", "webinar", "mou-signing", "network-event", "other")
FORMATS = ("online", "in-person", "hybrid", "unknown")


def _none_to_empty(value: Any) -> Any:
    """`sources:` left empty means no sources, not an error."""
    return [] if value is None else value


def _check_date(value: Any) -> Any:
    if isinstance(value, str) and not DATE_PATTERN.match(value.strip()):
        raise ValueError("must be an ISO date such as 2023-03-14")
    return value


Id = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]
PartnershipId = Annotated[str, StringConstraints(pattern=PARTNERSHIP_PATTERN, max_length=250)]
# no line breaks or control characters (tabs are fine): C0, DEL, C1 (NEL), the Unicode line and
# paragraph separators, and bidirectional overrides that would reverse how the rest reads
ONE_LINE_PATTERN = r"^[^\x00-\x08\x0a-\x1f\x7f\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$"
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=ONE_LINE_PATTERN)
]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]
Keyword = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=ONE_LINE_PATTERN)
]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=2_000)]
Year = Annotated[int, Field(ge=1800, le=2100)]
Date = Annotated[dt.date, BeforeValidator(_check_date)]
Country = Literal[tuple(COUNTRY_NAMES)]  # type: ignore[valid-type]
IdList = Annotated[list[Id], BeforeValidator(_none_to_empty)]
UrlList = Annotated[list[Url], BeforeValidator(_none_to_empty)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Theme(_Record):
    """One theme of the programme's taxonomy."""

    id: Id
    label: Name
    group: Name | None = None
    keywords: Annotated[list[Keyword], BeforeValidator(_none_to_empty)] = Field(
        default_factory=list, description="Words and phrases that tag an initiative with this theme."
    )


class ThemesFile(_Record):
    """themes.yaml: the programme's taxonomy."""

    model_config = ConfigDict(title="Twinning Atlas themes file")

    themes: list[Theme]


class Initiative(_Record):
    """Something a city does: a programme, project, facility…"""

    id: Id = Field(description="Unique across the whole data folder, e.g. bari-waterfront-revitalization.")
    title: Name
    summary: LongText | None = None
    themes: IdList | None = Field(
        default=None, description="Theme ids; when absent, themes are inferred from title and summary."
    )
    type: Literal[INITIATIVE_TYPES] | None = None  # type: ignore[valid-type]
    status: Literal[STATUSES] = "unknown"  # type: ignore[valid-type]
    start: Year | None = None
    end: Year | None = None
    url: Url | None = None
    sources: UrlList = Field(default_factory=list)

    @model_validator(mode="after")
    def _years_in_order(self) -> Initiative:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class City(_Record):
    """cities/<id>.yaml: a city (or region) and its initiatives."""

    model_config = ConfigDict(title="Twinning Atlas city file")

    id: Id
    name: Name
    local_name: Name | None = Field(default=None, description="The name in the local language and script.")
    country: Country = Field(description="ISO 3166-1 alpha-2 code, e.g. IT, CN, NO.")
    region: Name | None = None
    lat: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)] | None = None
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None = None
    seeks: IdList = Field(default_factory=list, description="Themes the city wants to learn about.")
    initiatives: Annotated[list[Initiative], BeforeValidator(_none_to_empty)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _lat_with_lon(self) -> City:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        return self


class Interest(_Record):
    """One city's stated interest in a partner initiative or in a theme."""

    city: Id
    in_: Id = Field(alias="in", description="An initiative id or a theme id.")
    note: LongText | None = None


class Session(_Record):
    """A working session, study visit, webinar… between the partner cities."""

    date: Date
    end: Date | None = Field(default=None, description="Last day of a multi-day visit.")
    title: Name
    type: Literal[SESSION_TYPES] | None = None  # type: ignore[valid-type]
    format: Literal[FORMATS] = "unknown"  # type: ignore[valid-type]
    participants: Annotated[dict[Id, list[Name]], BeforeValidator(lambda v: {} if v is None else v)] = Field(
        default_factory=dict, description="City id -> organisations that took part."
    )
    summary: LongText | None = None
    topics: IdList = Field(default_factory=list, description="Theme ids discussed.")
    presented: Annotated[dict[Id, IdList], BeforeValidator(lambda v: {} if v is None else v)] = Field(
        default_factory=dict, description="City id -> ids of the initiatives it presented."
    )
    interests: Annotated[list[Interest], BeforeValidator(_none_to_empty)] = Field(default_factory=list)
    follow_up: IdList = Field(default_factory=list, description="Theme ids both sides agreed to pursue.")
    sources: UrlList = Field(default_factory=list)

    @model_validator(mode="after")
    def _end_after_start(self) -> Session:
        if self.end is not None and self.end < self.date:
            raise ValueError(f"end ({self.end}) is before date ({self.date})")
        return self


class Partnership(_Record):
    """partnerships/<id>.yaml: two or more cities and the sessions between them."""

    model_config = ConfigDict(title="Twinning Atlas partnership file")

    id: PartnershipId
    cities: Annotated[list[Id], Field(min_length=2)]
    kind: Literal[PARTNERSHIP_KINDS]  # type: ignore[valid-type]
    since: Year | None = None
    programmes: Annotated[list[Name], BeforeValidator(_none_to_empty)] = Field(default_factory=list)
    sessions: Annotated[list[Session], BeforeValidator(_none_to_empty)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _distinct_cities(self) -> Partnership:
        repeated = sorted(c for c, n in Counter(self.cities).items() if n > 1)
        if repeated:
            raise ValueError(f"city listed twice: {', '.join(repeated)}")
        return self


FILE_MODELS: dict[str, type[_Record]] = {
    "themes": ThemesFile,
    "city": City,
    "partnership": Partnership,
}
