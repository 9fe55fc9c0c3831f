"""The checks of a map against its source text, beyond "the quote is there".

They run only when the map has a source, and look only at statements whose quote is
located in it (a quote that is not is ``quote-not-found``'s business). The source is
read sentence by sentence, with the sentence splitter and the word lists of
:mod:`argmap.lexicon`. Everything is linear in the size of the map and the source, but
for sorting (n log n).

* ``quote-reused`` (warning): a statement's quote lies inside another statement's
  quote, so one stretch of text is made to say two things. A reported view quoted
  inside its own saying ("experts doubt *the viability of this endeavor*") is how
  reported speech reads, and is allowed: the two statements belong to one inference
  by a source scheme (see below). Each quote is compared with the earlier-starting
  quote that reaches furthest, so a quote nested in several is reported once.
* ``hedge-dropped`` (warning): a sentence the quote touches hedges (a phrase of
  :attr:`~argmap.lexicon.Lexicon.hedges`; the sentence counts, not only the quoted
  words), but the statement is an unhedged assertion of the author: stance
  ``"asserted"`` and no speaker.
* ``unattributed-report`` (warning): a sentence the quote touches attributes (a phrase
  of :attr:`~argmap.lexicon.Lexicon.attributions`), but the statement is an asserted
  statement of the author. Attribution is modelled as argumentation theory does it
  (Walton, Reed & Macagno, *Argumentation Schemes*, 2008; AIF+, Reed et al. 2008):
  "S says that p" is asserted, and p follows from it by a **source scheme**
  (position to know, expert opinion, testimony, popular opinion). So the premises of
  an inference by a source scheme (the saying, and what it says of the source: "E is
  an expert") are not reported; and once such a premise is quoted in a sentence, the
  sentence's attribution is modelled, and the author's other statements in it are
  not reported either ("contrary to some claims, *there is no rule*": the claims are
  someone else's, the answer is the author's) — except the view that the source is
  said to hold (the conclusion of the source inference), which must carry its speaker.
* ``unanchored-relation`` (info): an inference or conflict, not marked ``implicit``,
  that nothing in the text makes. It is anchored when its ``data["anchor"]`` is a
  phrase of the source (the connective or words that make the relation, found as a
  quote is), or when one of its ends is quoted in the same sentence as, or the sentence
  next to, the other end, and one of those sentences holds a connective of
  :attr:`~argmap.lexicon.Lexicon.connectives`. The ends of an inference are its
  premises and its conclusion; of a conflict, its source and its target (an inference
  target by its premises and conclusion, a conflict target by its source).
* ``source-coverage`` (info, one per map with a source): how many of the source's
  sentences some located quote touches, and the first few that none does.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence

from argmap._scheme_checks import known_schemes
from argmap.lexicon import Lexicon, sentences
from argmap.model import ArgumentMap, Quote, Statement
from argmap.report import Problem, Severity

__all__ = ["SOURCE_CODES", "SOURCE_SCHEMES", "source_problems"]

SOURCE_CODES: Mapping[str, Severity] = {
    "quote-reused": "warning",
    "hedge-dropped": "warning",
    "unattributed-report": "warning",
    "unanchored-relation": "info",
    "source-coverage": "info",
}

SOURCE_SCHEMES = frozenset({"position-to-know", "expert-opinion", "testimony", "popular-opinion"})
"""The schemes by which a reported view follows from what is said of its source."""

SHOWN_UNTOUCHED = 3
"""How many untouched sentences ``source-coverage`` shows."""

_NONE = 1 << 62

Interval = tuple[int, int]
"""The first and last sentence (indices) a quote touches."""


def _problem(code: str, ids: Iterable[str], message: str) -> Problem:
    return Problem(code, SOURCE_CODES[code], tuple(ids), message)


def _short(text: str, size: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 3] + "..."


class _Marks:
    """Which sentences hold a marker, answering "the first marker in sentences i..j"
    in constant time."""

    def __init__(self, marks: list[str]) -> None:
        self.marks = marks
        self.next = [_NONE] * (len(marks) + 1)
        for k in range(len(marks) - 1, -1, -1):
            self.next[k] = k if marks[k] else self.next[k + 1]

    def first(self, interval: Interval) -> str:
        """The first marker in the sentences of ``interval``; empty if none."""
        k = self.next[interval[0]]
        return self.marks[k] if k <= interval[1] else ""


class _Text:
    """The source split into sentences, with the sentences each list marks."""

    def __init__(self, source: str, lexicon: Lexicon) -> None:
        self.source = source
        self.spans = sentences(source)
        self.starts = [start for start, _ in self.spans]
        self.hedges = self._marks(lexicon.hedge_pattern().finditer(source))
        self.attributions = self._marks(lexicon.attribution_pattern().finditer(source))
        self.connectives = self._marks(lexicon.connective_pattern().finditer(source))

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def interval(self, quote: Quote) -> Interval:
        assert quote.start is not None
        assert quote.end is not None
        return self.index(quote.start), self.index(max(quote.start, quote.end - 1))

    def _marks(self, matches: Iterable[object]) -> _Marks:
        marks = [""] * len(self.spans)
        for match in matches:
            start, text = match.start(), match.group()  # type: ignore[attr-defined]
            if not self.spans:
                break
            k = self.index(start)
            if marks[k]:
                continue
            if text[0].isupper() and start != self.starts[k]:
                continue  # a capital inside a sentence: a name ("in May"), not a marker
            marks[k] = " ".join(text.split())
        return _Marks(marks)

    def touched(self, intervals: Iterable[Interval]) -> list[bool]:
        """For each sentence, whether one of ``intervals`` touches it."""
        depth = [0] * (len(self.spans) + 1)
        for first, last in intervals:
            depth[first] += 1
            depth[last + 1] -= 1
        touched, running = [], 0
        for k in range(len(self.spans)):
            running += depth[k]
            touched.append(running > 0)
        return touched


def source_problems(map: ArgumentMap, lexicon: Lexicon) -> Iterator[Problem]:
    """Every problem of ``map`` against its source (nothing without a source)."""
    if map.source is None:
        return
    text = _Text(map.source, lexicon)
    located = {
        s.id: s
        for s in map.statements.values()
        if s.quote is not None and s.quote.located and s.quote.matches(map.source)
    }
    intervals = {id: text.interval(s.quote) for id, s in located.items()}  # type: ignore[arg-type]
    clusters, about, reported = _source_clusters(map)
    yield from _quote_reused(located, clusters)
    yield from _dropped(text, located, intervals, about, reported)
    yield from _unanchored(map, text, intervals)
    yield _coverage(text, intervals.values())


def _source_clusters(
    map: ArgumentMap,
) -> tuple[dict[str, set[str]], set[str], set[str]]:
    """For each statement, the source-scheme inferences it is a premise or the
    conclusion of; the premises of such inferences (what is said of a source); and
    their conclusions (the reported views)."""
    schemes = known_schemes(map)
    clusters: dict[str, set[str]] = {}
    about: set[str] = set()
    reported: set[str] = set()
    for id, scheme in schemes.items():
        if scheme.key not in SOURCE_SCHEMES:
            continue
        inference = map.inferences[id]
        about.update(inference.premises)
        reported.add(inference.conclusion)
        for member in (*inference.premises, inference.conclusion):
            clusters.setdefault(member, set()).add(id)
    return clusters, about, reported


def _quote_reused(
    located: Mapping[str, Statement], clusters: Mapping[str, set[str]]
) -> Iterator[Problem]:
    spans = sorted(
        (s.quote.start, -s.quote.end, n, s.id)  # type: ignore[union-attr,operator]
        for n, s in enumerate(located.values())
        if s.quote.start != s.quote.end  # type: ignore[union-attr]
    )
    reach, outer = -1, ""
    for _start, negative_end, _, id in spans:
        end = -negative_end
        if end <= reach and not (clusters.get(id, set()) & clusters.get(outer, set())):
            yield _problem(
                "quote-reused",
                [id, outer],
                f"the quote of {id!r} lies inside the quote of {outer!r}: "
                f"{_short(located[id].quote.text)!r}.",  # type: ignore[union-attr]
            )
        if end > reach:
            reach, outer = end, id


def _dropped(
    text: _Text,
    located: Mapping[str, Statement],
    intervals: Mapping[str, Interval],
    about: set[str],
    reported: set[str],
) -> Iterator[Problem]:
    sayings = _Marks(
        [
            "saying" if hit else ""
            for hit in text.touched(intervals[id] for id in about if id in intervals)
        ]
    )
    for id, statement in located.items():
        if statement.stance != "asserted" or statement.speaker is not None or id in about:
            continue
        interval = intervals[id]
        hedge = text.hedges.first(interval)
        if hedge:
            yield _problem(
                "hedge-dropped",
                [id],
                f"the source hedges {id!r} ({hedge!r} in its sentence), but it is an "
                "unhedged assertion of the author: give it stance='hedged', or a speaker.",
            )
        attribution = text.attributions.first(interval)
        if attribution and (id in reported or not sayings.first(interval)):
            yield _problem(
                "unattributed-report",
                [id],
                f"the source attributes {id!r} ({attribution!r} in its sentence), but it "
                "has no speaker and is asserted: model it as reported speech "
                "(MapBuilder.says).",
            )


class _Ends:
    """The sentence intervals of one side of relations, sorted, for the query "is one
    of them in or next to this interval (with a connective)?" in O(log n)."""

    def __init__(self, intervals: Sequence[Interval], text: _Text) -> None:
        every = sorted(intervals)
        marked = [i for i in every if text.connectives.first(i)]
        self.all = self._index(every)
        self.marked = self._index(marked)

    @staticmethod
    def _index(intervals: list[Interval]) -> tuple[list[int], list[int]]:
        firsts, reach, furthest = [], [], -1
        for first, last in intervals:
            furthest = max(furthest, last)
            firsts.append(first)
            reach.append(furthest)
        return firsts, reach

    @staticmethod
    def _near(index: tuple[list[int], list[int]], interval: Interval) -> bool:
        firsts, reach = index
        k = bisect.bisect_right(firsts, interval[1] + 1) - 1
        return k >= 0 and reach[k] >= interval[0] - 1

    def anchors(self, interval: Interval, text: _Text) -> bool:
        if text.connectives.first(interval):
            return self._near(self.all, interval)
        return self._near(self.marked, interval)


def _unanchored(
    map: ArgumentMap, text: _Text, intervals: Mapping[str, Interval]
) -> Iterator[Problem]:
    assert map.source is not None
    found: dict[str, bool] = {}
    ends: dict[str, _Ends] = {}

    def anchor(data: Mapping[str, object]) -> bool:
        phrase = data.get("anchor")
        if not isinstance(phrase, str):
            return False
        if phrase not in found:
            found[phrase] = Quote.find(phrase, map.source).located
        return found[phrase]

    def side(id: str) -> _Ends:
        if id not in ends:
            if id in map.inferences:
                inference = map.inferences[id]
                members: Sequence[str] = (*inference.premises, inference.conclusion)
            elif id in map.conflicts:
                members = (map.conflicts[id].source,)
            else:
                members = (id,)
            ends[id] = _Ends([intervals[m] for m in members if m in intervals], text)
        return ends[id]

    for inference in map.inferences.values():
        if inference.implicit or anchor(inference.data):
            continue
        if inference.conclusion in intervals:
            target = side(inference.conclusion)
            if any(
                target.anchors(intervals[p], text) for p in inference.premises if p in intervals
            ):
                continue
        yield _problem(
            "unanchored-relation",
            [inference.id],
            f"{inference.id!r} has no anchor in the source: no premise is quoted in or next "
            f"to the sentence of its conclusion {inference.conclusion!r} with a connective; "
            "quote the words that make it in data['anchor'], or mark it implicit.",
        )
    for conflict in map.conflicts.values():
        if conflict.implicit or anchor(conflict.data):
            continue
        if conflict.source in intervals and side(conflict.target).anchors(
            intervals[conflict.source], text
        ):
            continue
        yield _problem(
            "unanchored-relation",
            [conflict.id],
            f"{conflict.id!r} has no anchor in the source: its source {conflict.source!r} is "
            f"not quoted in or next to a sentence of its target {conflict.target!r} with a "
            "connective; quote the words that make it in data['anchor'], or mark it implicit.",
        )


def _coverage(text: _Text, intervals: Iterable[Interval]) -> Problem:
    touched = text.touched(intervals)
    count, total = sum(touched), len(touched)
    share = f"{100 * count / total:.0f}%" if total else "0%"
    untouched = [k for k, hit in enumerate(touched) if not hit]
    shown = ", ".join(
        repr(_short(text.source[slice(*text.spans[k])])) for k in untouched[:SHOWN_UNTOUCHED]
    )
    more = len(untouched) - SHOWN_UNTOUCHED
    rest = f" and {more} more" if more > 0 else ""
    tail = f"; untouched: {shown}{rest}." if untouched else "."
    return _problem(
        "source-coverage",
        [],
        f"the quotes touch {count} of {total} sentences of the source ({share}){tail}",
    )
