"""Example: the argument map of "What if Turkey buys the S-400 from Russia?".

This is the reference map shipped with argmap. It reconstructs a short opinion article
on Turkey's planned purchase of the Russian S-400 air defence system the way an
argument analyst would (the plan, with its reasons, is
``examples/turkey_s400_reconstruction.md``):

* **who says what.** Every view the author attributes to someone else (the leverage
  theory, the experts' doubts, Ankara's point of view, the NATO members' objections,
  the policy makers' assurance, "some claims", "reportedly", "are considered") is an
  asserted saying "S says that p" and the view p, reached from the saying by argument
  from position to know or from expert opinion, so a reported view stands exactly as
  well as its source (AIF+ and Inference Anchoring Theory: Reed, Wells, Devereux &
  Rowe, COMMA 2008; Budzynska & Reed 2011). Hedges stay in the text: no statement
  says more than its quote;
* **the thesis line**, hedged as in the article: the step "may" drive Turkey further
  from the West "than anyone expects", by cause to effect from the deal and its
  "significant consequences" for Turkey-NATO ties, which rest on Russia's gain and on
  an implicit analogy with the shelved Chinese deal;
* the **leverage** theory (the deal as a bargaining chip for better NATO bids, with the
  Eurosam evidence), a rival explanation of the purchase that the author concedes
  ("That said") and answers: it raises the critical question of interfering causes
  against the thesis, and "than anyone expects" undercuts that objection; the open
  question "Will Turkey purchase both systems or renege on the Russian one?";
* the sense of **betrayal** after the 2016 coup attempt, a hedged causal explanation of
  Turkey's turn toward Russia, not a reason for the prediction;
* the **technical doubts**: the experts' two independent grounds against the viability
  of Turkey's standalone + IFF plan;
* the **background**: the defence-needs and technology-transfer account, the NATO
  batteries, the Chinese deal, and the Treaty fact that answers "some claims".

Every inference names its scheme by a key of :data:`argmap.schemes.SCHEMES` (Walton,
Reed & Macagno, *Argumentation Schemes*, 2008) with its slots filled; where the text
leaves a premise or a link unsaid it is tagged or marked ``implicit``. The critical
questions left open (Gordon, Prakken & Walton, "The Carneades model of argument and
burden of proof", 2007) are printed by :func:`open_questions`.

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
import re
import sys

import attrs

import argmap
from argmap import (
    ArgumentMap,
    MapBuilder,
    check,
    cruxes,
    evaluate,
    explain,
    fragility,
    render,
    sensitivity,
)
from argmap.check import CODES
from argmap.dot import Theme
from argmap.page import write_html
from argmap.report import Report
from argmap.schemes import SCHEMES
from argmap.strengths import strengths
from argmap.whatif import what_if

ARTICLE_TITLE = "What if Turkey buys the S-400 from Russia?"

_ARTICLE_ENV = "ARGMAP_ARTICLE"

THEME = attrs.evolve(Theme(), rankdir="LR", wrap=28)
"""Left to right reads best for a map of this size: reasons on the left, thesis on the right."""

THESIS_LINE = "thesis line"
LEVERAGE = "leverage"
BETRAYAL = "betrayal"
TECHNICAL = "technical doubts"
BACKGROUND = "background"
IMPLICIT = "implicit"
"""The tag of a statement that puts into words what the article only implies (no quote)."""


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
    # ``data={"anchor": ...}`` is the article's own connective or phrase for a relation.

    # --- The thesis line ----------------------------------------------------------------
    b.claim(
        "thesis",
        "This one step toward Russia (the S-400 purchase) may drive Turkey further away "
        "from the West than anyone expects.",
        quote="this one step toward Russia may drive Turkey further away from the West",
        tags=(THESIS_LINE,),
        stance="hedged",
        thesis=True,
    )
    b.premise(
        "beyond_expectations",
        "How far the step may drive Turkey from the West need not match what anyone, "
        "Ankara included, expects.",
        quote="than anyone expects",
        tags=(THESIS_LINE,),
        stance="hedged",
    )
    b.premise(
        "strain_ties",
        "If the deal is completed, this will have significant consequences for Turkey-NATO ties.",
        quote="its completion will have significant consequences for Turkey-NATO ties",
        tags=(THESIS_LINE,),
    )
    b.premise(
        "deal_agreed",
        "Ankara has agreed to pay Moscow $2.5 billion for S-400 surface-to-air missile "
        "systems; the deal is yet to be finalized.",
        quote="Ankara had agreed to pay Moscow $2.5 billion to purchase S-400",
        tags=(THESIS_LINE,),
    )
    b.premise(
        "first_nato_buyer",
        "If the deal goes through, Turkey will be the first NATO member to buy the S-400.",
        quote="Turkey will become the first NATO member country to purchase the system",
        tags=(THESIS_LINE,),
    )
    b.premise(
        "russia_triumph",
        "For Russia, clinching such a deal with a NATO member would be a crowning achievement.",
        quote="would represent a crowning achievement for Russia",
        tags=(THESIS_LINE,),
    )
    b.premise(
        "russia_undermines",
        "Russia is seeking to undermine the Western alliance's cohesion and security.",
        quote="seeking to undermine the Western alliance\u2019s cohesion and security",
        tags=(THESIS_LINE,),
    )
    b.premise(
        "a2ad_threat",
        "The expansion of Russia's A2/AD bubble already threatens NATO's southeast flank.",
        quote="expansion of its A2/AD bubble has already threatening NATO\u2019s southeast flank",
        tags=(THESIS_LINE,),
    )
    b.premise(
        "alternatives_message",
        "The actual message behind the possible S-400 purchase is that Turkey indeed has "
        "alternatives.",
        quote="the possible purchase of the S-400 is that Turkey indeed has alternatives",
        tags=(THESIS_LINE,),
    )
    b.says(
        "Turkish policy makers",
        "no_alternative",
        "Turkey's rapprochement with Russia is no alternative to NATO or to the European Union.",
        quote="does not constitute an alternative either to NATO or the European Union",
        saying="officials_reiterate",
        saying_text="Turkish policy makers have often reiterated that Turkey's rapprochement "
        "with Russia is no alternative to NATO or the EU.",
        saying_quote="Turkish policy makers have often reiterated",
        slots={"position": "officials_reiterate"},
        tags=(THESIS_LINE,),
        inference="officials_arg",
    )
    b.premise(
        "no_treaty_rule",
        "The NATO Treaty contains no rule that prohibits member states from procuring "
        "non-NATO weapons.",
        quote="there is no rule within the NATO Treaty prohibiting member states",
        tags=(THESIS_LINE,),
    )
    # "contrary to some claims": the claims the author rebuts, worded from the rebuttal.
    b.premise(
        "some_claims",
        "Some claim that a rule of the NATO Treaty prohibits member states from procuring "
        "non-NATO weapons.",
        quote="contrary to some claims",
        tags=(THESIS_LINE,),
    )
    b.claim(
        "treaty_ban",
        "A rule of the NATO Treaty prohibits member states from procuring non-NATO weapons.",
        speaker="some (unnamed)",
        stance="reported",
        tags=(THESIS_LINE, IMPLICIT),
    )
    b.support(
        "treaty_ban",
        "some_claims",
        id="claims_arg",
        scheme="testimony",
        slots={"statement": "some_claims"},
        data={"anchor": "contrary to some claims", "unstated": ["position", "truthfulness"]},
    )

    # --- Leverage -------------------------------------------------------------------------
    b.says(
        "some (unnamed)",
        "leverage",
        "Turkey may be using the S-400 deal to enhance its political leverage and so get "
        "better bids from NATO countries.",
        quote="as a means to enhance its political leverage to obtain better bids from "
        "NATO countries",
        saying="some_argue",
        saying_text="Some argue that Turkey may be using the S-400 deal to gain political "
        "leverage over NATO countries.",
        saying_quote="Some argue that Turkey may be using the S-400 deal",
        scheme="testimony",
        stance="conceded",
        tags=(LEVERAGE,),
        inference="some_argue_arg",
        data={"anchor": "Some argue that", "unstated": ["position", "truthfulness"]},
    )
    b.premise(
        "eurosam_list",
        "The Italian/French Eurosam missile system was also on Ankara's shopping list, in "
        "addition to the Russian S-400.",
        quote="was also on Ankara\u2019s shopping list in addition to the Russian S-400",
        tags=(LEVERAGE,),
    )
    b.premise(
        "eurosam_deal",
        "Turkey, Italy and France have just announced a preliminary agreement on Turkey's "
        "purchase of the Eurosam system.",
        quote="have just announced a preliminary agreement on Turkey\u2019s purchase of the "
        "Eurosam missile system",
        tags=(LEVERAGE,),
    )
    b.claim(
        "buy_both",
        "Turkey may purchase both systems, the S-400 and the Eurosam (one answer to the "
        "article's open question).",
        quote="Will Turkey purchase both systems",
        tags=(LEVERAGE,),
        stance="hedged",
    )
    b.claim(
        "renege",
        "Turkey may renege on the Russian S-400 deal (the other answer to the article's "
        "open question).",
        quote="renege on the Russian one",
        tags=(LEVERAGE,),
        stance="hedged",
    )

    # --- Betrayal after the 2016 coup attempt ---------------------------------------------
    b.premise(
        "anniversary_news",
        "The news of the S-400 deal broke on the anniversary of the failed 2016 coup attempt.",
        quote="On the anniversary of the failed 2016 coup attempt in Turkey, news broke",
        tags=(BETRAYAL,),
    )
    b.claim(
        "timing_meaningful",
        "The timing of the reports about the S-400 purchase is meaningful.",
        quote="The timing of these reports about the S-400 purchase is also meaningful",
        tags=(BETRAYAL,),
    )
    b.premise(
        "coup_list",
        "The failed coup attempt of 15 July 2016 gave the Turkish government an opportunity "
        "to list its friends and foes at home and abroad.",
        quote="jot down a list of its friends and foes both at home and abroad",
        tags=(BETRAYAL,),
    )
    b.premise(
        "lukewarm_allies",
        "The lukewarm backing of Turkey's NATO allies after the coup attempt disappointed "
        "Turkish officials and the public at large.",
        quote="Lukewarm backing of their NATO allies disappointed both Turkish officials "
        "and the public",
        tags=(BETRAYAL,),
    )
    b.premise(
        "russia_first",
        "Russia was among the first to condemn the coup attempt and offer support.",
        quote="Russia was among the first to condemn the coup and offer support",
        tags=(BETRAYAL,),
    )
    b.claim(
        "closer_to_russia",
        "It is possible to say that the post-coup sense of betrayal has pushed Turkey "
        "closer to Russia.",
        quote="possible to say that this sense of betrayal has pushed Turkey closer to Russia",
        tags=(BETRAYAL,),
        stance="hedged",
    )

    # --- Technical doubts -----------------------------------------------------------------
    b.says(
        "unnamed reports",
        "standalone_use",
        "Turkey aims to use the S-400 missile system without integrating it into NATO's "
        "infrastructure.",
        quote="without integrating it into NATO\u2019s infrastructure",
        saying="reports_standalone",
        saying_text="Reports say that Turkey aims to use the S-400 without integrating it "
        "into NATO's infrastructure.",
        saying_quote="Turkey reportedly aims to use the S-400 missile system",
        scheme="testimony",
        tags=(TECHNICAL,),
        inference="reports_arg",
        data={"anchor": "reportedly", "unstated": ["position", "truthfulness"]},
    )
    b.premise(
        "greece_precedent",
        "Greece did the same for its S-300 missile system deployed in Crete, as part of the "
        "deal with Greek Cypriots.",
        quote="just like Greece did for its S-300 missile system deployed in Crete",
        tags=(TECHNICAL,),
    )
    b.premise(
        "iff_plan",
        "Instead of integrating it, Turkey plans to make its S-400 interoperable with NATO "
        "systems through IFF (identification friend or foe) coding provided by Aselsan.",
        quote="Turkey plans to make its S-400 interoperable with NATO systems through IFF coding",
        tags=(TECHNICAL,),
    )
    b.claim(
        "plan_viable",
        "Turkey's plan, a standalone S-400 made interoperable with NATO systems through IFF "
        "coding, is viable.",
        speaker="Ankara (implied by its plan)",
        stance="reported",
        tags=(TECHNICAL, IMPLICIT),
    )
    b.premise(
        "doubters_expertise",
        "Those who doubt the plan are experts (the article names none of them and no field).",
        quote="experts",
        tags=(TECHNICAL,),
    )
    b.says(
        "unnamed experts",
        "iff_doubtful",
        "Turkey's plan may not be viable.",
        quote="the viability of this endeavor",
        saying="experts_doubt",
        saying_text="Experts doubt the viability of Turkey's plan, given its technical "
        "difficulties and the economic cost of running the system standalone.",
        saying_quote="experts doubt the viability of this endeavor",
        scheme="expert-opinion",
        slots={"expert": "doubters_expertise"},
        tags=(TECHNICAL,),
        inference="doubts_expert_arg",
        # The experts' own grounds ("considering both ...") answer the question whether
        # their assertion rests on evidence.
        data={
            "anchor": "Still, experts doubt",
            "answered": {"backup-evidence": ["iff_hard", "standalone_cost"]},
        },
    )
    b.premise(
        "iff_hard",
        "There are technical difficulties in using the S-400 as a standalone system.",
        quote="both the technical difficulties",
        speaker="unnamed experts",
        stance="reported",
        tags=(TECHNICAL,),
    )
    b.premise(
        "standalone_cost",
        "Using the S-400 as a standalone system has economic costs.",
        quote="the economic costs of using the system as a standalone",
        speaker="unnamed experts",
        stance="reported",
        tags=(TECHNICAL,),
    )

    # --- Background: defence needs, the NATO batteries, the Chinese deal -------------------
    b.premise(
        "defense_quest",
        "Located in a troubled neighbourhood, Turkey has long sought to enhance its strategic "
        "defensive capabilities, in line with plans to modernise its armed forces.",
        quote="Turkey has long sought to enhance its strategic defensive capabilities",
        tags=(BACKGROUND,),
    )
    b.claim(
        "nato_short",
        "NATO has taken steps to augment Turkey's defence capabilities, but these measures "
        "have fallen short of meeting Ankara's demands.",
        quote="these measures have fallen short of meeting Ankara\u2019s demands",
        tags=(BACKGROUND,),
    )
    b.premise(
        "nato_batteries",
        "Of the missile batteries allies contributed, only Spain's Patriot and Italy's Aster "
        "SAMP/T remain, under NATO's command and plugged into the alliance's air defence.",
        quote="remain on Turkish soil are Spain\u2019s Patriot and Italy\u2019s Aster "
        "SAMP/T batteries",
        tags=(BACKGROUND,),
    )
    b.claim(
        "non_nato_options",
        "Turkey has not abandoned its quest to purchase an air defence system, and considers "
        "non-NATO options as well.",
        quote="Turkey has not abandoned its quest to purchase an air defense system, "
        "considering non-NATO options",
        tags=(BACKGROUND,),
    )
    b.premise(
        "chinese_deal",
        "In 2013 Turkey announced that a Chinese firm had won the bid to supply an air "
        "defence system.",
        quote="Turkey announced that a Chinese firm had won the bid to supply a defense system",
        tags=(BACKGROUND,),
    )
    b.premise(
        "chinese_shelved",
        "The $3.4 billion Chinese deal was shelved entirely in 2015, as a result of strong "
        "reactions from NATO members.",
        quote="the $3.4 billion deal was shelved entirely in 2015",
        tags=(BACKGROUND,),
    )
    b.says(
        "NATO members, primarily the U.S.",
        "compat_concern",
        "The Chinese system raised questions of security and of the weaponry's compatibility "
        "with NATO infrastructure.",
        quote="questions of security and the compatibility of the weaponry with NATO "
        "infrastructure",
        saying="nato_objected",
        saying_text="NATO members, primarily the U.S., reacted strongly to the Chinese deal, "
        "raising questions of security and compatibility with NATO infrastructure.",
        saying_quote="strong reactions from NATO members, primarily the U.S.",
        slots={"position": "nato_objected"},
        tags=(BACKGROUND,),
        inference="members_arg",
    )
    b.premise(
        "chinese_tech_transfer",
        "The Chinese agreement involved technology transfer.",
        quote="the agreement involved technology transfer",
        tags=(BACKGROUND,),
    )
    b.premise(
        "nato_no_transfer",
        "NATO allies have long avoided providing technology transfer in their contracts.",
        quote="a point which NATO allies have long avoided providing in their contracts",
        tags=(BACKGROUND,),
    )
    b.claim(
        "chinese_preferable",
        "For Turkey, the Chinese tender was preferable (its price was also more satisfactory).",
        quote="what made the Chinese tender preferable for Turkey",
        tags=(BACKGROUND,),
    )
    b.says(
        "Ankara",
        "spirit_violated",
        "The allies' unwillingness to share know-how on military defence systems violated "
        "the spirit of what it meant to be an ally.",
        quote="violated the spirit of what it meant to be an ally",
        saying="ankara_view",
        saying_text="Ankara holds that the allies' unwillingness to share know-how on "
        "military defence systems violated the spirit of what it meant to be an ally.",
        saying_quote="From Ankara\u2019s point of view, this unwillingness to share know-how",
        scheme="position-to-know",
        slots={"position": "ankara_view"},
        tags=(BACKGROUND,),
        inference="ankara_arg",
        data={"anchor": "From Ankara\u2019s point of view"},
    )
    b.claim(
        "domestic_production",
        "Ankara's view of the allies' unwillingness motivated Turkey to invest further in "
        "domestic arms production.",
        quote="motivating Turkey to further invest in domestic arms production",
        tags=(BACKGROUND,),
    )
    b.says(
        "general assessment (unnamed)",
        "s400_advanced",
        "The S-400 is one of the most advanced long-range air defence systems in the world.",
        quote="some of the most advanced long-range air defense systems in the world",
        saying="s400_reputation",
        saying_text="S-400 missiles are considered some of the most advanced long-range air "
        "defence systems in the world.",
        saying_quote="S-400 missiles are considered",
        scheme="popular-opinion",
        tags=(BACKGROUND,),
        inference="s400_rep_arg",
        data={"anchor": "are considered", "unstated": ["presumption"]},
    )
    b.claim(
        "h_defence",
        "Turkey may be buying the S-400 to meet long-standing air defence needs that NATO's "
        "measures have not met, looking beyond NATO as it did with the Chinese deal.",
        tags=(BACKGROUND, IMPLICIT),
        stance="hedged",
    )

    # --- Inferences: the thesis line ------------------------------------------------------
    # P1 and P15 frame the article; no connective joins them (implicit). Cause to effect,
    # not a slippery slope: the article never concludes that the step should not be taken.
    b.support(
        "thesis",
        ["deal_agreed", "strain_ties"],
        id="consequences_arg",
        label="a step with consequences",
        scheme="cause-to-effect",
        slots={"cause": "deal_agreed", "causal-law": "strain_ties"},
        implicit=True,
    )
    # Russia's practical reasoning as the author presents it; the A2/AD clause is context.
    b.support(
        "russia_triumph",
        ["first_nato_buyer", "russia_undermines", "a2ad_threat"],
        id="triumph_arg",
        label="a NATO member buys Russian",
        scheme="practical-reasoning",
        slots={"goal": "russia_undermines", "means": "first_nato_buyer"},
        data={"anchor": "which is seeking to undermine"},
    )
    b.support(
        "strain_ties",
        "russia_triumph",
        id="triumph_consequence_arg",
        label="a win for Russia",
        scheme="cause-to-effect",
        slots={"cause": "russia_triumph"},
        data={"unstated": ["causal-law"]},
        implicit=True,
    )
    b.support(
        "strain_ties",
        ["chinese_shelved", "standalone_use", "compat_concern"],
        id="chinese_analogy",
        label="as with the Chinese deal",
        scheme="analogy",
        slots={"base-case": "chinese_shelved", "similarity": "standalone_use"},
        implicit=True,
    )
    b.support(
        "alternatives_message",
        "deal_agreed",
        id="message_arg",
        label="the purchase as a message",
        scheme="sign",
        slots={"finding": "deal_agreed"},
        data={
            "anchor": "the actual message behind the possible purchase",
            "unstated": ["indication"],
        },
    )
    # The point of "some claims": a Treaty rule would make the purchase a breach.
    b.support(
        "strain_ties",
        ["deal_agreed", "treaty_ban"],
        id="ban_arg",
        label="a breach of the Treaty",
        scheme="cause-to-effect",
        slots={"cause": "deal_agreed", "causal-law": "treaty_ban"},
        implicit=True,
    )

    # --- Inferences: leverage and the open question ---------------------------------------
    # The Eurosam facts are cumulative evidence ("Notably" ... "And in fact"): convergent.
    b.support(
        "leverage",
        "eurosam_list",
        id="eurosam_list_arg",
        scheme="best-explanation",
        slots={"data": "eurosam_list"},
        data={"anchor": "Notably", "unstated": ["accounts", "best"]},
    )
    b.support(
        "leverage",
        "eurosam_deal",
        id="eurosam_deal_arg",
        scheme="best-explanation",
        slots={"data": "eurosam_deal"},
        data={"anchor": "And in fact", "unstated": ["accounts", "best"]},
    )
    # The two horns of "Will Turkey purchase both systems or renege on the Russian one?",
    # as the two rival accounts of the purchase predict them.
    b.support(
        "renege",
        ["leverage", "eurosam_deal"],
        id="renege_arg",
        scheme="practical-reasoning",
        slots={"goal": "leverage", "means": "eurosam_deal"},
        implicit=True,
    )
    b.support(
        "buy_both",
        ["h_defence", "eurosam_deal"],
        id="both_arg",
        scheme="practical-reasoning",
        slots={"goal": "h_defence", "means": "eurosam_deal"},
        implicit=True,
    )

    # --- Inferences: betrayal (an explanation of the turn, not a reason for the thesis) ----
    b.support(
        "timing_meaningful",
        ["anniversary_news", "coup_list"],
        id="timing_arg",
        label="friends and foes",
        scheme="sign",
        slots={"finding": "anniversary_news", "indication": "coup_list"},
        data={"anchor": "is also meaningful, as"},
    )
    b.support(
        "closer_to_russia",
        ["deal_agreed", "timing_meaningful", "lukewarm_allies", "russia_first"],
        id="betrayal_expl",
        label="sense of betrayal",
        scheme="best-explanation",
        slots={"data": "deal_agreed", "accounts": "lukewarm_allies"},
        data={"anchor": "In contrast", "unstated": ["best"]},
    )

    # --- Inferences: the plan and the technical doubts -------------------------------------
    b.support(
        "plan_viable",
        "iff_plan",
        id="iff_means",
        label="through IFF coding",
        scheme="cause-to-effect",
        slots={"cause": "iff_plan"},
        data={"anchor": "through IFF coding", "unstated": ["causal-law"]},
    )
    b.support(
        "plan_viable",
        ["greece_precedent", "standalone_use"],
        id="greece_analogy",
        label="just like Greece",
        scheme="analogy",
        slots={"base-case": "greece_precedent", "similarity": "standalone_use"},
        data={"anchor": "just like Greece did"},
    )
    # The grounds are the experts' too ("considering"), reached through the same source;
    # each is an independent reason for the doubt ("both ... and"): convergent.
    for ground, inference in (
        ("iff_hard", "experts_on_tech"),
        ("standalone_cost", "experts_on_cost"),
    ):
        b.support(
            ground,
            ["doubters_expertise", "experts_doubt"],
            id=inference,
            scheme="expert-opinion",
            slots={"expert": "doubters_expertise", "assertion": "experts_doubt"},
            data={"anchor": "considering both"},
        )
    b.support(
        "iff_doubtful",
        "iff_hard",
        id="doubts_tech_arg",
        scheme="negative-consequences",
        slots={"consequences": "iff_hard"},
        data={"anchor": "considering both the technical difficulties"},
    )
    b.support(
        "iff_doubtful",
        "standalone_cost",
        id="doubts_cost_arg",
        scheme="negative-consequences",
        slots={"consequences": "standalone_cost"},
        data={"anchor": "and the economic costs"},
    )

    # --- Inferences: background -----------------------------------------------------------
    b.support(
        "nato_short",
        "nato_batteries",
        id="batteries_arg",
        scheme="example",
        slots={"case": "nato_batteries"},
        data={"anchor": "Currently, the only ones that remain"},
    )
    b.support(
        "non_nato_options",
        "chinese_deal",
        id="chinese_example_arg",
        scheme="example",
        slots={"case": "chinese_deal"},
        data={"anchor": "In 2013, Turkey announced"},
    )
    b.support(
        "chinese_preferable",
        ["chinese_tech_transfer", "nato_no_transfer"],
        id="chinese_pref_arg",
        label="technology transfer",
        scheme="positive-consequences",
        slots={"consequences": "chinese_tech_transfer"},
        data={"anchor": "what made the Chinese tender preferable for Turkey"},
    )
    # "duly motivating": the author's causal claim. Its cause is that Ankara holds the
    # view (asserted), not that the view is true (reported).
    b.support(
        "domestic_production",
        "ankara_view",
        id="domestic_arg",
        scheme="cause-to-effect",
        slots={"cause": "ankara_view"},
        data={"anchor": "duly motivating", "unstated": ["causal-law"]},
    )
    # The defence-needs account of the purchase (abduction): P2-P7 set it out without
    # saying that this is why Turkey buys (implicit); no account is said to be the best.
    b.support(
        "h_defence",
        ["deal_agreed", "defense_quest", "nato_short", "s400_advanced"],
        id="defence_expl",
        label="unmet defence needs",
        scheme="best-explanation",
        slots={"data": "deal_agreed", "accounts": "defense_quest"},
        data={"unstated": ["best"]},
        implicit=True,
    )
    # Its technology-transfer strand, by analogy with the Chinese tender; Ankara's
    # grievance is why the preference outlasts the shelved deal.
    b.support(
        "h_defence",
        ["chinese_preferable", "non_nato_options", "ankara_view"],
        id="chinese_pattern",
        label="as with the Chinese tender",
        scheme="analogy",
        slots={"base-case": "chinese_preferable", "similarity": "non_nato_options"},
        implicit=True,
    )

    # --- Conflicts --------------------------------------------------------------------------
    # "That said": the conceded leverage theory raises interfering causes against the
    # thesis line, and "than anyone expects" answers it (a conflict on a conflict).
    b.counter(
        "consequences_arg",
        "leverage",
        id="leverage_undercut",
        kind="undercut",
        question="interference",
        data={"anchor": "That said"},
    )
    b.counter(
        "leverage_undercut",
        "beyond_expectations",
        id="backfire_answer",
        kind="undercut",
        data={"anchor": "than anyone expects"},
    )
    # One-way rebuttals: the article ranks them ("Although", "contrary to", "Still").
    b.counter(
        "no_alternative",
        "alternatives_message",
        id="message_rebuttal",
        kind="rebuttal",
        data={"anchor": "Although"},
    )
    b.counter(
        "treaty_ban",
        "no_treaty_rule",
        id="treaty_rebuttal",
        kind="rebuttal",
        data={"anchor": "contrary to some claims"},
    )
    b.counter(
        "plan_viable",
        "iff_doubtful",
        id="doubts_rebuttal",
        kind="rebuttal",
        data={"anchor": "Still,"},
    )
    # "Instead": the plan answers the compatibility objection that ended the Chinese deal.
    b.counter(
        "chinese_analogy",
        "plan_viable",
        id="iff_difference",
        kind="undercut",
        question="differences",
        data={"anchor": "Instead"},
    )
    # A quest "considering non-NATO options as well" explains shopping for Eurosam too.
    for inference, conflict in (
        ("eurosam_list_arg", "both_explains_list"),
        ("eurosam_deal_arg", "both_explains_deal"),
    ):
        b.counter(
            inference,
            "non_nato_options",
            id=conflict,
            kind="undercut",
            question="better-explanation",
            implicit=True,
        )
    # The open question: "Will Turkey purchase both systems or renege ...? Stay tuned."
    question = "Will Turkey purchase both systems or renege on the Russian one?"
    b.counter("buy_both", "renege", id="renege_vs_both", kind="rebuttal", data={"anchor": question})
    b.counter("renege", "buy_both", id="both_vs_renege", kind="rebuttal", data={"anchor": question})

    return b.build()


def open_questions(amap: ArgumentMap, report: Report | None = None) -> list[str]:
    """The critical questions left open, one line each: ``inference (scheme) key: text``.

    They come from ``check``'s ``open-critical-question`` problems when ``check`` reports
    them; otherwise they are computed here from :data:`argmap.schemes.SCHEMES`: for each
    inference with a catalogued scheme, its critical questions that no conflict raises
    (Walton, Reed & Macagno 2008; an open *exception* defeats nothing until it is raised,
    an open *assumption* is the proponent's to answer: Gordon, Prakken & Walton 2007).
    """
    if "open-critical-question" in CODES:
        report = check(amap) if report is None else report
        return [p.message for p in report.problems if p.code == "open-critical-question"]
    raised = {(c.target, c.question) for c in amap.conflicts.values() if c.question}
    lines = []
    for inference in amap.inferences.values():
        scheme = SCHEMES.get(inference.scheme) if inference.scheme else None
        if scheme is None:
            continue
        for question in scheme.critical_questions:
            if (inference.id, question.key) not in raised:
                lines.append(
                    f"{question.kind} {question.key!r} of {inference.id!r} "
                    f"({inference.scheme}) is open: {question.text}"
                )
    return lines


WHAT_IFS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("leverage",), ()),
    ((), ("leverage",)),
    (("leverage",), ("beyond_expectations",)),
)
"""The what-ifs the example prints, as (accepted, rejected): granting the conceded
leverage theory, rejecting it, and granting it without the author's answer, "than
anyone expects"."""


def evaluation_summary(amap: ArgumentMap) -> str:
    """Does the thesis stand (grounded semantics, DF-QuAD strength), and how do accepting
    and rejecting the leverage theory move it, with and without the author's answer?"""
    evaluation = evaluate(amap, semantics="grounded")
    weights = strengths(amap, semantics="df-quad")
    [thesis] = amap.theses
    lines = [
        f"thesis under grounded semantics: {evaluation.label(thesis)}; "
        f"DF-QuAD strength {weights[thesis]:.3f}"
    ]
    for accept, reject in WHAT_IFS:
        result = what_if(amap, accept=accept, reject=reject)
        lines.append(str(result))
        moved = next((c for c in result.changes if c.id == thesis), None)
        if moved is None or moved.before == moved.after:
            lines.append(f"  so the thesis stays {evaluation.label(thesis)}")
        else:
            lines.append(f"  so the thesis goes from {moved.before} to {moved.after}")
    return "\n".join(lines)


def thesis_account(amap: ArgumentMap) -> str:
    """Why the thesis stands under grounded semantics (:func:`argmap.explain`); what it
    stands or falls with: its cruxes of one statement, and how many of two there are
    (:func:`argmap.cruxes`); and the three base scores its DF-QuAD strength depends on
    most (:func:`argmap.sensitivity`), with the warnings of :func:`argmap.fragility`."""
    [thesis] = amap.theses
    found = cruxes(amap, thesis, max_size=2)
    single = [crux for crux in found if len(crux) == 1]
    weights = strengths(amap)
    slopes = list(sensitivity(amap, thesis).items())
    lines = [
        "why the thesis stands:",
        str(explain(amap, thesis)),
        f"what it stands or falls with: {len(found)} minimal positions of at most two "
        f"statements change its label; {len(single)} of one statement:",
        *(f"  {crux}: {_gist(amap, next(iter(crux.accept | crux.reject)))}" for crux in single),
        f"what its DF-QuAD strength ({weights[thesis]:.3f}) depends on most "
        "(change per unit of base score):",
    ]
    for id, slope in slopes[:3]:
        default = "a default" if id in weights.defaults else "given"
        lines.append(
            f"  {slope:+.3f}  {id} (base {weights.base[id]:.2f}, {default}): {_gist(amap, id)}"
        )
    lines += [f"  {p.severity} {p.code}: {p.message}" for p in fragility(amap, thesis)]
    return "\n".join(lines)


def _gist(amap: ArgumentMap, id: str) -> str:
    """A node's text (an inference's label) cut to one short line."""
    node = amap.node(id)
    text = getattr(node, "text", None) or getattr(node, "label", None) or id
    return text if len(text) <= 70 else text[:69].rstrip() + "…"


_QUESTION = re.compile(r"^(?P<key>.*) of '(?P<inference>[^']*)' \((?P<scheme>[^)]*)\) is open")


def grouped_questions(questions: list[str]) -> list[str]:
    """The open critical questions, one line per inference: the inference, its scheme
    and which questions are open (each line of :func:`open_questions` reads
    ``KIND 'KEY' of 'INFERENCE' (SCHEME) is open: TEXT``)."""
    by_inference: dict[tuple[str, str], list[str]] = {}
    for line in questions:
        match = _QUESTION.match(line)
        if match is None:  # a wording this example does not know: keep the line whole
            by_inference.setdefault((line, ""), [])
            continue
        group = by_inference.setdefault((match["inference"], match["scheme"]), [])
        group.append(match["key"].removeprefix("the "))
    return [
        f"{inference} ({scheme}): {', '.join(keys)}" if scheme else inference
        for (inference, scheme), keys in by_inference.items()
    ]


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
        "--semantics",
        choices=["grounded", "df-quad"],
        help="colour the diagram by one evaluation: grounded labels or DF-QuAD strengths",
    )
    parser.add_argument(
        "--no-page",
        action="store_true",
        help="do not write the interactive page (by default it goes beside the diagram, "
        "as .html; with the article, it holds the article's text)",
    )
    parser.add_argument(
        "--questions",
        action="store_true",
        help="list every open critical question in full, not one line per inference",
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
        print(thesis_account(amap))
        questions = open_questions(amap, report)
        shown = questions if args.questions else grouped_questions(questions)
        print(f"open critical questions ({len(questions)}; --questions lists them in full):")
        for line in shown:
            print(f"  {line}")
        output.parent.mkdir(parents=True, exist_ok=True)
        written = render(
            amap,
            output,
            theme=THEME,
            evaluation=evaluate(amap) if args.semantics == "grounded" else None,
            strengths=strengths(amap) if args.semantics == "df-quad" else None,
        )
        print(f"wrote {written}")
        if not args.no_page:
            page = write_html(amap, output.with_suffix(".html"), theme=THEME)
            print(f"wrote {page} (the interactive page: open it in a browser)")
    except (argmap.ArgmapError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
