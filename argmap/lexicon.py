"""How ``check`` reads the source text: its sentences, and the words that matter.

The checks against the source (``hedge-dropped``, ``unattributed-report``,
``unanchored-relation``, ``source-coverage``) read the source sentence by sentence and
look for three kinds of marker, all listed here and nowhere else:

* **hedges**, which weaken what a sentence says ("may", "it is possible to say"):
  a statement quoted from such a sentence should be ``stance="hedged"`` (or
  reported), not a bare assertion of the author;
* **attributions**, which give a view to someone else ("some argue", "according
  to", "reportedly"): a statement quoted from such a sentence is reported speech,
  which argumentation theory models as "S says that p" plus an inference by a source
  scheme (Walton, Reed & Macagno, *Argumentation Schemes*, 2008, ch. 9; Reed, Wells,
  Devereux & Rowe, "AIF+", COMMA 2008);
* **connectives**, the discourse markers that make a relation between two
  sentences explicit ("because", "however", "that said": the signals of Rhetorical
  Structure Theory, Mann & Thompson 1988, and of the Penn Discourse Treebank, Prasad
  et al. 2008).

The lists are phrases, matched as whole words, ignoring case, with any run of white
space between words and either apostrophe (' or ’). A phrase written with a capital
in the middle of a sentence is a name, not a marker ("in May", the month, is not the
hedge "may"). Extend a list with :func:`attrs.evolve` and pass the result to
:func:`argmap.check`::

    from argmap.lexicon import LEXICON
    mine = attrs.evolve(LEXICON, hedges=(*LEXICON.hedges, "seemingly"))
    check(m, lexicon=mine)

Some words are left out on purpose. "possible" alone is an adjective ("the possible
purchase" qualifies the purchase, not the claim), so only its hedging uses are
listed ("it is possible", "possible that", "possibly"). "said" alone is also the
connective "that said", so only "said that" and "officials said" attribute. "would"
and "will" mark conditionals and predictions, not hedges.

Sentences are found by :func:`sentences`, a deliberately small splitter: a sentence
ends at ".", "?" or "!" (with any closing quotes or brackets) followed by white
space and then a capital letter, a digit or an opening quote or bracket, and at every
paragraph break (a blank line). A single line break is white space (texts are often
wrapped), and an abbreviation before a capital ("Mr. Smith") splits: the checks only
need sentences roughly right, and the splitter is linear.
"""

from __future__ import annotations

import functools
import re

import attrs

__all__ = [
    "ATTRIBUTIONS",
    "CONNECTIVES",
    "HEDGES",
    "LEXICON",
    "Lexicon",
    "sentences",
]

HEDGES: tuple[str, ...] = (
    "may",
    "might",
    "could",
    "perhaps",
    "maybe",
    "possibly",
    "it is possible",
    "it's possible",
    "possible that",
    "possible to say",
    "likely",
    "unlikely",
    "probably",
    "presumably",
    "arguably",
    "apparently",
    "seems",
    "seem to",
    "appears to",
    "appear to",
    "it is conceivable",
    "not necessarily",
    "to some extent",
)
"""Words and phrases that hedge a sentence."""

ATTRIBUTIONS: tuple[str, ...] = (
    "some argue",
    "some say",
    "some claim",
    "some believe",
    "some claims",
    "contrary to some claims",
    "argue that",
    "argues that",
    "argued that",
    "claim that",
    "claims that",
    "claimed that",
    "according to",
    "expert",
    "experts",
    "analysts",
    "critics",
    "observers",
    "officials said",
    "officials say",
    "said that",
    "says that",
    "it is said",
    "is said to",
    "are said to",
    "reportedly",
    "it is reported",
    "allegedly",
    "supposedly",
    "point of view",
    "in the view of",
    "in the eyes of",
    "are considered",
    "is considered",
    "are believed",
    "is believed",
    "believe that",
    "believes that",
    "is widely seen",
    "are widely seen",
    "have often reiterated",
    "has often reiterated",
    "reiterated that",
    "insist that",
    "insists that",
    "maintain that",
    "maintains that",
    "doubt that",
)
"""Words and phrases that attribute a sentence's view to someone other than the author."""

CONNECTIVES: tuple[str, ...] = (
    "because",
    "since",
    "as a result of",
    "as a result",
    "due to",
    "so",
    "therefore",
    "thus",
    "hence",
    "consequently",
    "accordingly",
    "that said",
    "however",
    "although",
    "though",
    "even though",
    "but",
    "yet",
    "still",
    "nevertheless",
    "nonetheless",
    "instead",
    "in contrast",
    "by contrast",
    "on the other hand",
    "whereas",
    "while",
    "notably",
    "in fact",
    "indeed",
    "for example",
    "for instance",
    "just like",
    "likewise",
    "similarly",
    "in this regard",
    "considering",
    "given that",
    "if",
    "moreover",
    "furthermore",
    "in addition",
)
"""Discourse connectives that make a relation explicit."""


def _phrases(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise TypeError(f"a lexicon list is a tuple of phrases, not {type(value).__name__}")
    phrases = tuple(value)
    for phrase in phrases:
        if not isinstance(phrase, str) or not phrase.split():
            raise TypeError(f"a lexicon phrase is a non-blank string, not {phrase!r}")
    return phrases


@attrs.frozen
class Lexicon:
    """The three lists the source checks read: ``hedges``, ``attributions`` and
    ``connectives`` (tuples of phrases; see the module docstring for how they match)."""

    hedges: tuple[str, ...] = attrs.field(default=HEDGES, converter=_phrases)
    attributions: tuple[str, ...] = attrs.field(default=ATTRIBUTIONS, converter=_phrases)
    connectives: tuple[str, ...] = attrs.field(default=CONNECTIVES, converter=_phrases)

    def hedge_pattern(self) -> re.Pattern[str]:
        """One regular expression matching any hedge."""
        return pattern(self.hedges)

    def attribution_pattern(self) -> re.Pattern[str]:
        """One regular expression matching any attribution."""
        return pattern(self.attributions)

    def connective_pattern(self) -> re.Pattern[str]:
        """One regular expression matching any connective."""
        return pattern(self.connectives)


LEXICON = Lexicon()
"""The lists ``check`` uses unless it is given another :class:`Lexicon`."""


def _phrase_regex(phrase: str) -> str:
    words = []
    for word in phrase.split():
        words.append("['’]".join(re.escape(part) for part in re.split("['’]", word)))
    return r"\s+".join(words)


@functools.lru_cache(maxsize=32)
def pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A regular expression matching any of ``phrases`` as whole words, ignoring case;
    longer phrases are tried first, so the match names the longest marker. A pattern
    that matches nothing when there are no phrases."""
    if not phrases:
        return re.compile(r"(?!)")
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    body = "|".join(_phrase_regex(phrase) for phrase in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_BOUNDARY = re.compile(rf"[.?!][{re.escape(_CLOSERS)}]*(\s+)|\n[^\S\n]*\n\s*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of ``text`` as ``(start, end)`` offsets (``text[start:end]``),
    in order, without the white space between them; see the module docstring for the
    rule. Linear in the length of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1) is not None:
            after = match.end()
            if after < len(text) and not _BLANK_LINE.search(match.group(1)):
                following = text[after]
                if not (following.isupper() or following.isdigit() or following in _OPENERS):
                    continue
            end = match.start(1)
        else:
            end = match.start()
        _add(text, start, end, spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Add ``text[start:end]`` to ``spans``, trimmed of white space, unless it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
