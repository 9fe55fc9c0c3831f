"""Example: the argument map of "What if Turkey buys the S-400 from Russia?".

This is the reference map shipped with argmap. It reconstructs the reasoning of a short
opinion article on Turkey's planned purchase of
the Russian S-400 air defence system:

* the thesis: the purchase would strain Turkey-NATO ties and may drive Turkey further
  away from the West, with the article's reasons for it (first NATO buyer, a crowning
  achievement for Russia, the Chinese precedent, the message that Turkey has alternatives);
* the **leverage** theory (the deal as a bargaining chip for better NATO bids, backed by
  the Eurosam evidence), which undercuts the "drift away from the West" reading;
* the sense of **betrayal** after the 2016 coup attempt, a linked argument for
  "Turkey has been pushed closer to Russia";
* the **technical doubts** about Turkey's plan to keep the S-400 interoperable with
  NATO through IFF coding;
* the other counterpoints (no NATO Treaty rule against non-NATO weapons, Greece's S-300
  on Crete, officials' assurances) and the background (NATO batteries on Turkish soil,
  the shelved Chinese deal, technology transfer).

Statement texts are paraphrases; each carries a verbatim ``quote`` of the article as its
anchor, which ``check`` verifies when the article text is given as the map's source.

Run it from the repository root, with argmap importable (``pip install -e .`` or
``PYTHONPATH=.``)::

    python examples/turkey_s400.py                         # writes build/turkey_s400.svg
    python examples/turkey_s400.py --source ARTICLE.txt -o map.pdf

The article's text is not part of argmap (its copyright is not ours). It is read from
``--source FILE``, else from the file named by ``$ARGMAP_ARTICLE``. Without it the map is
still built, checked and drawn, but ``check`` reports ``quotes-unchecked``: the quotes
are recorded, not verified.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

import attrs

import argmap
from argmap import ArgumentMap, MapBuilder, check, evaluate, render
from argmap.dot import Theme
from argmap.strengths import strengths
from argmap.whatif import what_if

ARTICLE_TITLE = "What if Turkey buys the S-400 from Russia?"

_ARTICLE_ENV = "ARGMAP_ARTICLE"

THEME = attrs.evolve(Theme(), rankdir="LR", wrap=28)
"""Left to right reads best for a map of this size: reasons on the left, thesis on the right."""

LEVERAGE = "leverage"
BETRAYAL = "betrayal"
TECHNICAL = "technical doubts"
BACKGROUND = "background"


def default_article_path() -> pathlib.Path | None:
    """The article named by ``$ARGMAP_ARTICLE``, or ``None`` when the variable is unset."""
    env = os.environ.get(_ARTICLE_ENV)
    return pathlib.Path(env) if env else None


def read_article(path: str | os.PathLike[str] | None = None) -> str | None:
    """The article text (UTF-8) from ``path``, else from ``$ARGMAP_ARTICLE``; ``None``
    when neither names a file, so that the map is built with its quotes unchecked.

    A file that is named but cannot be read raises ``OSError`` (or
    ``UnicodeDecodeError``): a mistyped path must not pass silently as "no article".
    """
    found = default_article_path() if path is None else pathlib.Path(path)
    if found is None:
        return None
    return found.read_text(encoding="utf-8")


def build_map(source: str | None = None) -> ArgumentMap:
    """Build the argument map of the article.

    ``source`` is the article text that the quotes point into; without it the quotes are
    still recorded but cannot be checked.
    """
    b = MapBuilder(ARTICLE_TITLE, source=source)
    # Quotes are verbatim: the article's apostrophes are U+2019, written "\u2019" here.

    # --- The thesis and its main line -------------------------------------------------
    b.claim(
        "thesis",
        "Buying the S-400 is a step toward Russia that may drive Turkey further away from "
        "the West than anyone expects.",
        quote="this one step toward Russia may drive Turkey further away from the West",
        thesis=True,
    )
    b.claim(
        "strain_ties",
        "Completing the S-400 deal would put a serious strain on Turkey's ties with NATO.",
        quote="its completion will have significant consequences for Turkey-NATO ties",
    )
    b.premise(
        "deal_agreed",
        "Ankara has agreed to pay Moscow $2.5 billion for S-400 surface-to-air missile "
        "systems, although the deal is not final yet.",
        quote="Ankara had agreed to pay Moscow $2.5 billion to purchase S-400",
    )
    b.premise(
        "first_nato_buyer",
        "If the deal is concluded, Turkey will be the first NATO member to buy the S-400.",
        quote="Turkey will become the first NATO member country to purchase the system",
    )
    b.claim(
        "russia_triumph",
        "Selling the S-400 to a NATO member would be a crowning achievement for Russia.",
        quote="would represent a crowning achievement for Russia",
    )
    b.claim(
        "russia_undermines",
        "Russia is trying to undermine the cohesion and security of the Western alliance.",
        quote="seeking to undermine the Western alliance\u2019s cohesion and security",
    )
    b.premise(
        "a2ad_threat",
        "Russia's expanding A2/AD bubble already threatens NATO's southeast flank.",
        quote="expansion of its A2/AD bubble has already threatening NATO\u2019s southeast flank",
    )
    b.claim(
        "alternatives_message",
        "The real message of the possible S-400 purchase is that Turkey does have "
        "alternatives to its Western partners.",
        quote="the possible purchase of the S-400 is that Turkey indeed has alternatives",
    )
    b.premise(
        "officials_reiterate",
        "Turkish policy makers have often said that the rapprochement with Russia is no "
        "alternative to NATO or the EU.",
        quote="Turkish policy makers have often reiterated",
    )
    b.claim(
        "no_alternative",
        "Turkey's rapprochement with Russia is not an alternative to NATO or the European Union.",
        quote="does not constitute an alternative either to NATO or the European Union",
    )

    # --- Counterpoints to the strain: treaty, precedent, interoperability ---------------
    b.premise(
        "no_treaty_rule",
        "No rule in the NATO Treaty forbids member states to procure non-NATO weapons.",
        quote="there is no rule within the NATO Treaty prohibiting member states",
    )
    b.premise(
        "greece_precedent",
        "Greece, a NATO member, operates its Russian-made S-300 on Crete outside NATO's "
        "infrastructure.",
        quote="just like Greece did for its S-300 missile system deployed in Crete",
    )
    b.premise(
        "standalone_use",
        "Turkey reportedly intends to operate the S-400 without integrating it into NATO's "
        "infrastructure.",
        quote="use the S-400 missile system without integrating it into NATO\u2019s infrastructure",
    )
    b.premise(
        "iff_plan",
        "Turkey plans to make the S-400 interoperable with NATO systems through IFF "
        "(identification friend or foe) coding supplied by the Turkish firm Aselsan.",
        quote="Turkey plans to make its S-400 interoperable with NATO systems through IFF",
    )
    b.claim(
        "interop_plan",
        "Turkey can field the S-400 without creating compatibility problems for NATO.",
        quote="interoperable with NATO systems",
    )

    # --- Technical doubts -----------------------------------------------------------------
    b.claim(
        "iff_doubtful",
        "According to experts, Turkey's plan to run the S-400 alongside NATO is of doubtful "
        "viability.",
        quote="experts doubt the viability of this endeavor",
        tags=(TECHNICAL,),
    )
    b.premise(
        "iff_hard",
        "Making a Russian system work with NATO's friend-or-foe identification raises "
        "serious technical difficulties.",
        quote="considering both the technical difficulties",
        tags=(TECHNICAL,),
    )
    b.premise(
        "standalone_cost",
        "Running the S-400 as a standalone system would be economically costly.",
        quote="the economic costs of using the system as a standalone",
        tags=(TECHNICAL,),
    )

    # --- Leverage ---------------------------------------------------------------------
    b.claim(
        "leverage",
        "Turkey may be using the S-400 deal as a bargaining chip to obtain better offers "
        "from NATO countries.",
        quote="using the S-400 deal as a means to enhance its political leverage",
        tags=(LEVERAGE,),
    )
    b.premise(
        "eurosam_list",
        "The Italian-French Eurosam system was also on Ankara's shopping list, besides the "
        "Russian S-400.",
        quote="was also on Ankara\u2019s shopping list in addition to the Russian S-400",
        tags=(LEVERAGE,),
    )
    b.premise(
        "eurosam_deal",
        "Turkey, France and Italy have just announced a preliminary agreement for Turkey to "
        "buy the Eurosam system.",
        quote="the three countries have just announced a preliminary agreement",
        tags=(LEVERAGE,),
    )

    # --- Betrayal after the 2016 coup attempt ---------------------------------------------
    b.premise(
        "anniversary_news",
        "The news of the S-400 deal broke on the anniversary of the failed 2016 coup attempt.",
        quote="On the anniversary of the failed 2016 coup attempt in Turkey",
        tags=(BETRAYAL,),
    )
    b.premise(
        "coup_list",
        "The coup attempt of 15 July 2016 showed the Turkish government who its friends "
        "and foes were, at home and abroad.",
        quote="jot down a list of its friends and foes both at home and abroad",
        tags=(BETRAYAL,),
    )
    b.claim(
        "timing_meaningful",
        "The timing of the reports about the S-400 purchase is meaningful.",
        quote="The timing of these reports about the S-400 purchase is also meaningful",
        tags=(BETRAYAL,),
    )
    b.premise(
        "lukewarm_allies",
        "The lukewarm backing of Turkey's NATO allies after the coup attempt disappointed "
        "Turkish officials and the public alike.",
        quote="Lukewarm backing of their NATO allies disappointed both Turkish officials",
        tags=(BETRAYAL,),
    )
    b.premise(
        "russia_first",
        "Russia was among the first to condemn the coup attempt and to offer support.",
        quote="Russia was among the first to condemn the coup and offer support",
        tags=(BETRAYAL,),
    )
    b.claim(
        "closer_to_russia",
        "The resulting sense of betrayal has pushed Turkey closer to Russia.",
        quote="this sense of betrayal has pushed Turkey closer to Russia",
        tags=(BETRAYAL,),
    )

    # --- Background: air defence, NATO batteries, the Chinese deal ------------------------
    b.premise(
        "defense_quest",
        "Located in a troubled neighbourhood, Turkey has long sought to strengthen its "
        "strategic air defence as part of modernising its armed forces.",
        quote="Turkey has long sought to enhance its strategic defensive capabilities",
        tags=(BACKGROUND,),
    )
    b.premise(
        "nato_batteries",
        "Only two allied batteries remain on Turkish soil, Spain's Patriot and Italy's "
        "SAMP/T, and both are under NATO command rather than Turkey's.",
        quote="Spain\u2019s Patriot and Italy\u2019s Aster SAMP/T batteries",
        tags=(BACKGROUND,),
    )
    b.claim(
        "nato_short",
        "NATO's measures to augment Turkey's air defence have fallen short of Ankara's demands.",
        quote="these measures have fallen short of meeting Ankara\u2019s demands",
        tags=(BACKGROUND,),
    )
    b.claim(
        "non_nato_options",
        "Turkey has kept looking for an air defence system of its own, non-NATO options included.",
        quote="considering non-NATO options as well",
        tags=(BACKGROUND,),
    )
    b.premise(
        "chinese_deal",
        "In 2013 Turkey announced that a Chinese firm had won the tender for an air defence "
        "system.",
        quote="a Chinese firm had won the bid to supply a defense system",
        tags=(BACKGROUND,),
    )
    b.premise(
        "chinese_shelved",
        "The $3.4 billion Chinese deal was shelved in 2015 after strong reactions from NATO "
        "members, above all the U.S.",
        quote="the $3.4 billion deal was shelved entirely in 2015",
        tags=(BACKGROUND,),
    )
    b.premise(
        "compat_concern",
        "NATO members objected to the Chinese system on grounds of security and its "
        "compatibility with NATO infrastructure.",
        quote="questions of security and the compatibility of the weaponry with NATO",
        tags=(BACKGROUND,),
    )
    b.premise(
        "chinese_tech_transfer",
        "The Chinese agreement included a transfer of technology.",
        quote="the agreement involved technology transfer",
        tags=(BACKGROUND,),
    )
    b.premise(
        "nato_no_transfer",
        "NATO allies have long avoided technology transfer in their arms contracts with Turkey.",
        quote="a point which NATO allies have long avoided providing in their contracts",
        tags=(BACKGROUND,),
    )
    b.claim(
        "chinese_preferable",
        "For Turkey, the Chinese tender was preferable to the offers of its allies.",
        quote="what made the Chinese tender preferable for Turkey",
        tags=(BACKGROUND,),
    )
    b.claim(
        "spirit_violated",
        "In Ankara's view, the allies' unwillingness to share military know-how violated "
        "the spirit of being an ally.",
        quote="violated the spirit of what it meant to be an ally",
        tags=(BACKGROUND,),
    )
    b.claim(
        "domestic_production",
        "This motivated Turkey to invest more in its own arms production.",
        quote="motivating Turkey to further invest in domestic arms production",
        tags=(BACKGROUND,),
    )

    # --- Support --------------------------------------------------------------------------
    # Convergent reasons for the thesis.
    b.support("thesis", "strain_ties", id="strain_arg", label="strained NATO ties")
    b.support(
        "thesis",
        ["deal_agreed", "alternatives_message"],
        id="drift_arg",
        label="a step toward Russia",
        scheme="argument from sign",
    )
    b.support("thesis", "closer_to_russia", id="russia_turn_arg", label="turn toward Russia")

    # Convergent reasons for the strain.
    b.support("strain_ties", "first_nato_buyer", id="first_buyer_arg", label="first NATO buyer")
    b.support(
        "strain_ties",
        ["chinese_shelved", "compat_concern"],
        id="chinese_precedent_arg",
        label="the Chinese precedent",
        scheme="argument from precedent",
    )
    b.support("strain_ties", "russia_triumph", id="russia_gain_arg", label="a win for Russia")
    b.support(
        "russia_triumph",
        ["first_nato_buyer", "russia_undermines"],
        id="triumph_arg",
        label="a NATO member buys Russian",
    )
    b.support("russia_undermines", "a2ad_threat", id="a2ad_arg", scheme="argument from sign")

    # "Turkey has alternatives" and the officials' contrary assurance.
    b.support("alternatives_message", "non_nato_options", id="alternatives_arg")
    b.support(
        "no_alternative",
        "officials_reiterate",
        id="officials_arg",
        scheme="argument from position to know",
    )

    # Background: why Turkey looked beyond NATO.
    b.support(
        "non_nato_options",
        ["defense_quest", "nato_short"],
        id="unmet_needs_arg",
        label="unmet air defence needs",
    )
    b.support(
        "non_nato_options", "chinese_deal", id="chinese_example_arg", scheme="argument from example"
    )
    b.support("non_nato_options", "chinese_preferable", id="better_offer_arg")
    b.support("nato_short", "nato_batteries", id="batteries_arg")
    b.support(
        "chinese_preferable",
        ["chinese_tech_transfer", "nato_no_transfer"],
        id="tech_transfer_arg",
        label="technology transfer",
    )
    b.support("spirit_violated", "nato_no_transfer", id="spirit_arg")
    b.support("domestic_production", "spirit_violated", id="domestic_arg")

    # Betrayal: a linked argument.
    b.support(
        "closer_to_russia",
        ["lukewarm_allies", "russia_first"],
        id="betrayal_arg",
        label="sense of betrayal",
    )
    b.support(
        "timing_meaningful",
        ["anniversary_news", "coup_list"],
        id="timing_arg",
        label="friends and foes",
    )
    b.support(
        "closer_to_russia", "timing_meaningful", id="timing_sign_arg", scheme="argument from sign"
    )

    # Leverage: the Eurosam evidence.
    b.support(
        "leverage",
        ["eurosam_list", "eurosam_deal"],
        id="eurosam_arg",
        label="the Eurosam evidence",
        scheme="argument from sign",
    )

    # Interoperability plan and the experts' doubts.
    b.support(
        "interop_plan",
        ["standalone_use", "iff_plan"],
        id="interop_arg",
        label="standalone use with IFF coding",
    )
    b.support(
        "interop_plan",
        "greece_precedent",
        id="greece_arg",
        scheme="argument from precedent",
    )
    b.support(
        "iff_doubtful",
        ["iff_hard", "standalone_cost"],
        id="doubts_arg",
        label="technical and economic doubts",
        scheme="argument from expert opinion",
    )

    # --- Conflicts ------------------------------------------------------------------------
    # Undercuts: the premises may hold, but they do not carry the conclusion.
    b.counter("drift_arg", "leverage", id="leverage_undercut")
    b.counter("first_buyer_arg", "no_treaty_rule", id="treaty_undercut")
    b.counter("first_buyer_arg", "greece_precedent", id="greece_undercut")
    b.counter("chinese_precedent_arg", "interop_plan", id="interop_undercut")
    # Rebuttals.
    b.counter("interop_plan", "iff_doubtful", id="doubts_rebuttal")
    b.counter("thesis", "no_alternative", id="assurance_rebuttal")
    b.counter("no_alternative", "alternatives_message", id="message_rebuttal")

    return b.build()


def evaluation_summary(amap: ArgumentMap) -> str:
    """Does the thesis stand (grounded semantics, DF-QuAD strength), and what changes
    if the leverage theory is accepted, or the technical doubts are rejected?"""
    evaluation = evaluate(amap, semantics="grounded")
    weights = strengths(amap, semantics="df-quad")
    lines = [
        f"thesis under grounded semantics: {evaluation.label('thesis')}; "
        f"DF-QuAD strength {weights['thesis']:.3f}"
    ]
    for question in (
        what_if(amap, accept=["leverage"]),
        what_if(amap, reject=["iff_doubtful", "iff_hard", "standalone_cost"]),
    ):
        lines.append(str(question))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check and render the example map; 0 if the map is consistent, 1 if not, 2 on error."""
    parser = argparse.ArgumentParser(
        description=f"Build, check and render the argument map of {ARTICLE_TITLE!r}.",
    )
    parser.add_argument(
        "article",
        nargs="?",
        type=pathlib.Path,
        help="the article text (the same as --source)",
    )
    parser.add_argument(
        "--source",
        type=pathlib.Path,
        metavar="FILE",
        help="the article text that the quotes are checked against (default: $ARGMAP_ARTICLE; "
        "without either, the quotes are not checked)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=pathlib.Path,
        default=pathlib.Path("build/turkey_s400.svg"),
        help="the diagram to write; .svg, .png, .pdf or .dot (default: %(default)s)",
    )
    parser.add_argument(
        "--evaluated",
        action="store_true",
        help="colour the diagram by grounded semantics and show DF-QuAD strengths",
    )
    args = parser.parse_args(argv)
    article_path: pathlib.Path | None = args.source or args.article
    output: pathlib.Path = args.output

    try:
        source = read_article(article_path)
        if source is None:
            print(
                f"note: no article text (give --source FILE or set ${_ARTICLE_ENV}); "
                "the quotes are not checked",
                file=sys.stderr,
            )
        amap = build_map(source)
        report = check(amap)
        print(str(report))
        print(
            f"{len(amap.statements)} statements, {len(amap.inferences)} inferences, "
            f"{len(amap.conflicts)} conflicts"
        )
        print(evaluation_summary(amap))
        output.parent.mkdir(parents=True, exist_ok=True)
        written = render(
            amap,
            output,
            theme=THEME,
            evaluation=evaluate(amap) if args.evaluated else None,
            strengths=strengths(amap) if args.evaluated else None,
        )
        print(f"wrote {written}")
    except (argmap.ArgmapError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
