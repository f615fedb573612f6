"""Cross-checks between files, and the Atlas rows they leave standing.

A reference that does not resolve is reported at its file and line, and only the row that holds
it is left out: an unknown theme drops that theme from the initiative, not the initiative; an
unknown city drops the partnership, because a partnership is its cities.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import chain
from pathlib import PurePosixPath
from typing import Any

from loaders.countries import COUNTRY_NAMES
from loaders.models import City, Initiative, Partnership, Session
from loaders.records import FileContext, FileRecords
from loaders.tagging import infer_themes

Rows = dict[str, list[tuple[Any, ...]]]


class _Assembler:
    def __init__(self) -> None:
        self.rows: Rows = defaultdict(list)
        self.claimed: dict[str, tuple[str, str, int]] = {}
        self.theme_keywords: dict[str, list[str]] = {}
        self.city_ids: set[str] = set()
        self.owner: dict[str, str] = {}
        self.untagged: list[tuple[FileContext, int, Initiative, str, int]] = []
        self.city_files: dict[str, str] = {}  # file stem -> path, for every city file read
        self.left_out_themes: dict[str, str] = {}  # id -> file, for themes left out with errors
        self.pairs: dict[frozenset[str], str] = {}  # the cities of a partnership -> its file

    def claim(self, ctx: FileContext, loc: tuple[Any, ...], record_id: str, what: str) -> bool:
        """Ids are unique across the folder; the first file (in path order) keeps its id."""
        if record_id in self.claimed:
            other, file, line = self.claimed[record_id]
            ctx.error(loc, f"id '{record_id}' is already used by the {other} at {file}:{line}")
            return False
        self.claimed[record_id] = (what, ctx.file, ctx.record_line(loc[:2]))
        return True

    def theme_ok(self, ctx: FileContext, loc: tuple[Any, ...], theme_id: str) -> bool:
        if theme_id in self.theme_keywords:
            return True
        if theme_id in self.left_out_themes:
            ctx.error(
                loc,
                f"theme '{theme_id}' is left out because of its errors in {self.left_out_themes[theme_id]}",
            )
            return False
        hint = ctx.hint(theme_id, self.theme_keywords)
        ctx.error(loc, f"unknown theme '{theme_id}'{hint}: it is not in themes.yaml")
        return False

    def name_matches_file(self, ctx: FileContext, record_id: str, items: str, n_items: int) -> bool:
        stem = ctx.source.stem
        if record_id == stem:
            return True
        folder = ctx.file.rsplit("/", 1)[0]
        ctx.error(
            ("id",),
            f"id '{record_id}' does not match the file name '{stem}': rename the file to "
            f"{folder}/{record_id}.yaml or change the id",
        )
        if n_items:
            ctx.report(
                "warning", (), f"{n_items} {items} not loaded because this record has errors", always=True
            )
        return False

    # -- themes --------------------------------------------------------------------------------
    def add_themes(self, rec: FileRecords) -> None:
        ctx = rec.context
        if self.theme_keywords or self.rows["themes"]:
            ctx.error((), "a second themes file: keep one themes.yaml")
            return
        valid = {i for i, _ in rec.items}
        raw = ctx.parsed.data.get("themes")
        for i, item in enumerate(raw if isinstance(raw, list) else []):
            if i not in valid and isinstance(item, dict) and isinstance(item.get("id"), str):
                self.left_out_themes.setdefault(item["id"], ctx.file)
        most = ctx.limits.max_themes
        if isinstance(raw, list) and len(raw) > most:
            ctx.error(
                ("themes", most),
                f"a themes file holds at most {most:,} themes; the last {len(raw) - most:,} are left out",
            )
        for i, theme in rec.items:
            if i >= most:
                break
            if not self.claim(ctx, ("themes", i, "id"), theme.id, "theme"):
                continue
            self.theme_keywords[theme.id] = theme.keywords
            self.rows["themes"].append(
                (
                    theme.id,
                    theme.label,
                    theme.group,
                    "; ".join(theme.keywords),
                    ctx.file,
                    ctx.record_line(("themes", i)),
                )
            )

    # -- cities and initiatives ----------------------------------------------------------------
    def add_city(self, rec: FileRecords) -> None:
        city, ctx = rec.header, rec.context
        if not isinstance(city, City):
            return
        if not self.name_matches_file(ctx, city.id, "initiatives", len(rec.items)):
            return
        if not self.claim(ctx, ("id",), city.id, "city"):
            return
        self.city_ids.add(city.id)
        line = ctx.record_line(("id",))
        self.rows["cities"].append(
            (
                city.id,
                city.name,
                city.local_name,
                city.country,
                COUNTRY_NAMES.get(city.country),
                city.region,
                city.lat,
                city.lon,
                city.wikidata,
                ctx.file,
                line,
            )
        )
        for k, theme_id in enumerate(dict.fromkeys(city.seeks)):
            if self.theme_ok(ctx, ("seeks", k), theme_id):
                self.rows["city_seeks"].append((city.id, theme_id, ctx.file, line))
        for i, initiative in rec.items:
            self.add_initiative(ctx, i, initiative, city.id)

    def add_initiative(self, ctx: FileContext, i: int, ini: Initiative, city_id: str) -> None:
        if not self.claim(ctx, ("initiatives", i, "id"), ini.id, "initiative"):
            return
        line = ctx.record_line(("initiatives", i))
        self.owner[ini.id] = city_id
        self.rows["initiatives"].append(
            (
                ini.id,
                city_id,
                ini.title,
                ini.summary,
                ini.type,
                ini.status,
                ini.start,
                ini.end,
                ini.url,
                " ".join(ini.sources) or None,
                ctx.file,
                line,
            )
        )
        if not ini.themes:
            self.untagged.append((ctx, i, ini, city_id, line))
            return
        seen: set[str] = set()
        for j, theme_id in enumerate(ini.themes):
            if theme_id in seen:
                continue
            seen.add(theme_id)
            if self.theme_ok(ctx, ("initiatives", i, "themes", j), theme_id):
                self.rows["initiative_themes"].append(
                    (ini.id, city_id, theme_id, "declared", None, ctx.file, line)
                )

    def tag_untagged(self) -> None:
        texts = [f"{ini.title}\n{ini.summary or ''}" for _, _, ini, _, _ in self.untagged]
        found = infer_themes(texts, list(self.theme_keywords.items()))
        tagged: set[int] = set()
        for row, theme_id, keyword in sorted(found):
            ctx, _, ini, city_id, line = self.untagged[row]
            tagged.add(row)
            self.rows["initiative_themes"].append(
                (ini.id, city_id, theme_id, "inferred", keyword, ctx.file, line)
            )
        for row, (ctx, i, ini, _, _) in enumerate(self.untagged):
            if row not in tagged:
                ctx.warning(
                    ("initiatives", i),
                    f"no theme found in the title or summary of '{ini.id}': add themes: [...]",
                )

    # -- partnerships and sessions -------------------------------------------------------------
    def add_partnership(self, rec: FileRecords) -> None:
        p, ctx = rec.header, rec.context
        if not isinstance(p, Partnership):
            return
        if not self.name_matches_file(ctx, p.id, "sessions", len(rec.items)):
            return
        unknown = [(k, c) for k, c in enumerate(p.cities) if c not in self.city_ids]
        for k, city_id in unknown:
            if city_id in self.city_files:
                ctx.error(
                    ("cities", k),
                    f"city '{city_id}' is left out because of errors in {self.city_files[city_id]}",
                )
                continue
            hint = ctx.hint(city_id, self.city_ids)
            ctx.error(("cities", k), f"unknown city '{city_id}'{hint}: there is no cities/{city_id}.yaml")
        if unknown:
            if rec.items:
                message = f"{len(rec.items)} sessions not loaded because this record has errors"
                ctx.report("warning", (), message, always=True)
            return
        if not self.claim(ctx, ("id",), p.id, "partnership"):
            return
        self.check_pair_once(ctx, p)
        line = ctx.record_line(("id",))
        self.rows["partnerships"].append(
            (p.id, p.kind, p.since, "; ".join(p.cities), "; ".join(p.programmes) or None, ctx.file, line)
        )
        for position, city_id in enumerate(p.cities):
            self.rows["partnership_cities"].append((p.id, city_id, position, ctx.file, line))
        for programme in dict.fromkeys(p.programmes):
            self.rows["partnership_programmes"].append((p.id, programme, ctx.file, line))
        dates: dict[str, int] = defaultdict(int)
        for j, session in rec.items:
            if p.since is not None and session.date.year < p.since:
                ctx.warning(
                    ("sessions", j, "date"),
                    f"session of {session.date.isoformat()} is before the partnership began ({p.since})",
                )
            day = session.date.isoformat()
            dates[day] += 1
            session_id = f"{p.id}/{day}" + (f"-{dates[day]}" if dates[day] > 1 else "")
            self.add_session(ctx, j, session, session_id, p)

    def check_pair_once(self, ctx: FileContext, p: Partnership) -> None:
        """The same cities paired in two files split their sessions: a warning, both are kept."""
        key = frozenset(p.cities)
        if key in self.pairs:
            ctx.warning(("cities",), f"the same cities are already a partnership in {self.pairs[key]}")
        else:
            self.pairs[key] = ctx.file

    def add_session(self, ctx: FileContext, j: int, s: Session, sid: str, p: Partnership) -> None:
        line = ctx.record_line(("sessions", j))
        at = ("sessions", j)
        self.rows["sessions"].append(
            (
                sid,
                p.id,
                s.date,
                s.end,
                s.title,
                s.type,
                s.format,
                s.summary,
                " ".join(s.sources) or None,
                ctx.file,
                line,
            )
        )
        for role, key, ids in (("topic", "topics", s.topics), ("follow_up", "follow_up", s.follow_up)):
            seen: set[str] = set()
            for k, theme_id in enumerate(ids):
                if theme_id in seen:
                    continue
                seen.add(theme_id)
                if self.theme_ok(ctx, (*at, key, k), theme_id):
                    self.rows["session_themes"].append((sid, p.id, theme_id, role, ctx.file, line))
        for city_id, organisations in s.participants.items():
            if self.member_ok(ctx, (*at, "participants", city_id), city_id, p):
                for organisation in dict.fromkeys(organisations):
                    self.rows["session_participants"].append(
                        (sid, p.id, city_id, organisation, ctx.file, line)
                    )
        for city_id, initiative_ids in s.presented.items():
            if not self.member_ok(ctx, (*at, "presented", city_id), city_id, p):
                continue
            for k, iid in enumerate(dict.fromkeys(initiative_ids)):
                if self.presented_ok(ctx, (*at, "presented", city_id, k), iid, city_id):
                    self.rows["session_initiatives"].append((sid, p.id, city_id, iid, ctx.file, line))
        for k, interest in enumerate(s.interests):
            self.add_interest(ctx, (*at, "interests", k), interest, sid, p, line)

    def member_ok(self, ctx: FileContext, loc: tuple[Any, ...], city_id: str, p: Partnership) -> bool:
        if city_id in p.cities:
            return True
        hint = ctx.hint(city_id, p.cities)
        ctx.error(loc, f"'{city_id}' is not a city of this partnership ({', '.join(p.cities)}){hint}")
        return False

    def presented_ok(self, ctx: FileContext, loc: tuple[Any, ...], iid: str, city_id: str) -> bool:
        owner = self.owner.get(iid)
        if owner == city_id:
            return True
        if owner is None:
            hint = ctx.hint(iid, (i for i, c in self.owner.items() if c == city_id))
            ctx.error(loc, f"unknown initiative '{iid}'{hint}")
        else:
            ctx.error(loc, f"initiative '{iid}' belongs to {owner}, so {city_id} cannot present it")
        return False

    def add_interest(
        self, ctx: FileContext, loc: tuple[Any, ...], interest: Any, sid: str, p: Partnership, line: int
    ) -> None:
        if not self.member_ok(ctx, (*loc, "city"), interest.city, p):
            return
        target = interest.in_
        if target in self.owner:
            initiative_id, theme_id = target, None
            self.check_interest_owner(ctx, (*loc, "in"), interest.city, target, p)
        elif target in self.theme_keywords:
            initiative_id, theme_id = None, target
        else:
            hint = ctx.hint(target, chain(self.owner, self.theme_keywords))
            ctx.error((*loc, "in"), f"'{target}' is neither an initiative nor a theme{hint}")
            return
        self.rows["interests"].append(
            (sid, p.id, interest.city, initiative_id, theme_id, interest.note, ctx.file, line)
        )

    def check_interest_owner(
        self, ctx: FileContext, loc: tuple[Any, ...], city_id: str, iid: str, p: Partnership
    ) -> None:
        """An interest is kept, but one in the city's own or an outside initiative looks like a slip."""
        owner = self.owner[iid]
        if owner == city_id:
            ctx.warning(loc, f"{city_id} states an interest in its own initiative '{iid}'")
        elif owner not in p.cities:
            ctx.warning(
                loc, f"initiative '{iid}' belongs to {owner}, which is not a city of this partnership"
            )


def assemble(records: list[FileRecords], city_files: Iterable[str] = ()) -> Rows:
    """Rows for every table; issues are added to each record's FileContext.

    `city_files`: paths of every city file read, also those that could not be parsed, so that a
    reference to a city left out for its errors is not reported as a missing file.
    """
    by_kind: dict[str, list[FileRecords]] = defaultdict(list)
    for rec in sorted(records, key=lambda r: r.file):
        by_kind[rec.context.source.kind or ""].append(rec)
    assembler = _Assembler()
    assembler.city_files = {PurePosixPath(path).stem: path for path in city_files}
    for rec in by_kind["themes"]:
        assembler.add_themes(rec)
    for rec in by_kind["city"]:
        assembler.add_city(rec)
    assembler.tag_untagged()
    for rec in by_kind["partnership"]:
        assembler.add_partnership(rec)
    return assembler.rows
