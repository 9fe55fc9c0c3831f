"""The argument-scheme catalogue: named premise slots and critical questions.

An argumentation scheme is a stereotypical pattern of defeasible reasoning ("E is an
expert on A and says A, so A"): a few premise forms, a conclusion form, and the
critical questions that test an argument of that kind. :data:`SCHEMES` maps a stable
kebab-case key (``"expert-opinion"``) to a :class:`Scheme`; an inference names its
scheme by that key, and says which premise fills which slot.

The schemes, their premises, conclusions and critical questions follow the compendium
of Walton, Reed and Macagno, *Argumentation Schemes* (Cambridge University Press,
2008), chapter 9, worded here in short plain English with the book's variables (each
scheme's ``source`` names its section). Schemes that the compendium lists only under
another name, or that the Carneades catalogue refines, say so in their ``source``.

The kind of each critical question follows the Carneades model of argument (Gordon,
Prakken and Walton, "The Carneades model of argument and burden of proof", *Artificial
Intelligence* 171, 2007; Walton and Gordon, "Critical questions in computational models
of legal argument", 2005), which sorts what a critical question asks into three:

* an ordinary **premise**: the question only asks whether a premise holds ("is E an
  expert?", "did E say A?"). Such a question is the premise itself, so it is not listed
  among the critical questions: it is the :class:`Slot`, whose ``questions`` keep the
  book's wording of it. The proponent must always support a premise;
* an **assumption** (``kind="assumption"``): presumed to hold until it is questioned;
  once raised, the proponent must answer it ("is E's assertion based on evidence?");
* an **exception** (``kind="exception"``): it defeats the argument only when it is
  raised *and* supported by whoever raises it ("is E biased?", "do other experts
  disagree?").

Where the literature classifies a scheme's questions (Gordon, Prakken and Walton 2007
for expert opinion; the scheme catalogue of the Carneades 4 system for witness
testimony, position to know, analogy, cause to effect, correlation to cause,
abduction, established rule, practical reasoning and sunk costs) the kinds follow it;
elsewhere they follow the same reading and the ``source`` says so.

Names as real corpora write them (AIFdb and Araucaria's ``"ExpertOpinion"``,
``"CauseToEffect"``, the book's "Argument from Expert Opinion") are resolved by
:func:`lookup`, which ignores case, spaces, hyphens and a leading "Argument from";
:func:`nearest` suggests keys for a name that is none. AIF's generic "Default
Inference" names no scheme: it is not in the catalogue.

The keys of :data:`SCHEMES`, and the keys of every slot and critical question, are
part of the public API: they do not change.

This module is one cohesive catalogue, and so over the package's 900-line bar: most of
its lines are the schemes themselves, one entry each, and the few classes and look-ups
above them only make sense read with the entries; splitting the catalogue by letter or
by family would scatter what one reads (and reviews against the book) in one place.
"""

from __future__ import annotations

import difflib
import re
import types
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from argmap.errors import MapError
from argmap.report import Problem

__all__ = [
    "SCHEMES",
    "CriticalQuestion",
    "Kind",
    "Scheme",
    "Slot",
    "is_generic",
    "lookup",
    "nearest",
    "unknown_scheme",
]

Kind = Literal["assumption", "exception"]
"""What a critical question is in the Carneades model: an ``assumption`` the proponent
must answer once it is raised, or an ``exception`` that defeats only when it is raised
and supported."""

_WRM = "Walton, Reed & Macagno 2008, ch. 9"
_GPW = "Gordon, Prakken & Walton 2007"
_CARNEADES = "the Carneades 4 scheme catalogue (carneades-4, examples/AGs/YAML/walton.yml)"
_READING = "kinds by the Carneades reading (no published classification)"


@attrs.frozen
class Slot:
    """One premise of a scheme: its ``key`` (kebab-case) and its form, ``text``.

    ``questions`` are the book's critical questions that only ask whether this premise
    holds; in the Carneades model they are the premise itself, which the proponent must
    support, so they are kept here rather than among the scheme's critical questions.
    """

    key: str
    text: str
    questions: tuple[str, ...] = ()


@attrs.frozen
class CriticalQuestion:
    """A critical question of a scheme: ``key`` (kebab-case), ``text`` and ``kind``.

    ``slot`` names the premise slot the question bears on most directly, when there is
    one (the differences between the cases of an analogy bear on its similarity
    premise); ``None`` when it questions the inference as a whole.
    """

    key: str
    text: str
    kind: Kind
    slot: str | None = None


@attrs.frozen
class Scheme:
    """An argumentation scheme: its key, name, premise slots, conclusion form and
    critical questions, the ``source`` it follows, and the ``aliases`` corpora use."""

    key: str
    name: str
    premises: tuple[Slot, ...]
    conclusion: str
    critical_questions: tuple[CriticalQuestion, ...]
    source: str
    aliases: tuple[str, ...] = ()

    @property
    def slots(self) -> tuple[str, ...]:
        """The keys of the premise slots, in order."""
        return tuple(slot.key for slot in self.premises)

    @property
    def assumptions(self) -> tuple[CriticalQuestion, ...]:
        """The critical questions the proponent must answer once they are raised."""
        return tuple(cq for cq in self.critical_questions if cq.kind == "assumption")

    @property
    def exceptions(self) -> tuple[CriticalQuestion, ...]:
        """The critical questions that defeat only when raised and supported."""
        return tuple(cq for cq in self.critical_questions if cq.kind == "exception")


def _slot(key: str, text: str, *questions: str) -> Slot:
    return Slot(key, text, tuple(questions))


def _assumption(key: str, text: str, slot: str | None = None) -> CriticalQuestion:
    return CriticalQuestion(key, text, "assumption", slot)


def _exception(key: str, text: str, slot: str | None = None) -> CriticalQuestion:
    return CriticalQuestion(key, text, "exception", slot)


def _catalogue() -> tuple[Scheme, ...]:
    """Every scheme, grouped: sources, cases, classification and explanation, persons,
    practical reasoning, causes (the order of :data:`SCHEMES`)."""
    return (
        *_source_schemes(),
        *_case_schemes(),
        *_classification_schemes(),
        *_person_schemes(),
        *_practical_schemes(),
        *_causal_schemes(),
    )


def _source_schemes() -> tuple[Scheme, ...]:
    """Arguments from what someone says or what people accept."""
    return (
        Scheme(
            "position-to-know",
            "Argument from Position to Know",
            (
                _slot(
                    "position",
                    "Source a is in a position to know about things in domain S, which contains A.",
                    "Is a in a position to know whether A is true?",
                ),
                _slot("assertion", "a asserts that A is true.", "Did a assert that A is true?"),
            ),
            "A is true.",
            (_exception("honesty", "Is a an honest (trustworthy, reliable) source?"),),
            f"{_WRM}, 'Argument from Position to Know' (p. 309); kinds: {_CARNEADES}.",
            ("PositionToKnow", "Position to know"),
        ),
        Scheme(
            "expert-opinion",
            "Argument from Expert Opinion",
            (
                _slot(
                    "expert",
                    "Source E is an expert in subject domain S, which contains A.",
                    "How credible is E as an expert source?",
                    "Is E an expert in the field that A is in?",
                ),
                _slot(
                    "assertion", "E asserts that A is true.", "What did E assert that implies A?"
                ),
            ),
            "A is true.",
            (
                _exception(
                    "trustworthiness", "Is E personally reliable as a source (honest, unbiased)?"
                ),
                _exception("consistency", "Is A consistent with what other experts assert?"),
                _assumption("backup-evidence", "Is E's assertion based on evidence?", "assertion"),
            ),
            f"{_WRM}, 'Argument from Expert Opinion' (p. 310); "
            f"kinds: {_GPW}; Walton & Gordon 2005.",
            ("ExpertOpinion", "Appeal to expert opinion", "Argument from authority"),
        ),
        Scheme(
            "testimony",
            "Argument from Witness Testimony",
            (
                _slot(
                    "position",
                    "Witness W is in a position to know whether A is true.",
                    "Was W in a position to know whether A is true?",
                ),
                _slot(
                    "truthfulness",
                    "W is telling the truth, as W knows it.",
                    "Is W telling the truth as W knows it?",
                ),
                _slot("statement", "W states that A is true.", "Did W state that A is true?"),
            ),
            "A may plausibly be taken to be true.",
            (
                _assumption(
                    "internal-consistency", "Is what W said internally consistent?", "statement"
                ),
                _exception(
                    "known-facts",
                    "Is what W said consistent with the known facts, from evidence other "
                    "than W's testimony?",
                ),
                _exception(
                    "other-witnesses",
                    "Is what W said consistent with what other witnesses testified independently?",
                ),
                _exception("bias", "Can some bias be attributed to W's account?"),
                _exception("plausibility", "How plausible is the statement A that W asserts?"),
            ),
            f"{_WRM}, 'Argument from Witness Testimony'; kinds: {_CARNEADES}.",
            ("WitnessTestimony", "Witness testimony"),
        ),
        Scheme(
            "popular-opinion",
            "Argument from Popular Opinion",
            (
                _slot(
                    "acceptance",
                    "A is generally accepted as true.",
                    "What evidence (a poll, an appeal to common knowledge) shows that A is "
                    "generally accepted as true?",
                ),
                _slot(
                    "presumption",
                    "If A is generally accepted as true, that is a reason in favour of A.",
                ),
            ),
            "There is a reason in favour of A.",
            (
                _exception(
                    "doubt",
                    "Even if A is generally accepted, are there good reasons to doubt it is true?",
                ),
            ),
            f"{_WRM}, 'Argument from Popular Opinion'; {_READING}.",
            ("PopularOpinion", "Appeal to popular opinion", "Ad populum"),
        ),
        Scheme(
            "popular-practice",
            "Argument from Popular Practice",
            (
                _slot(
                    "practice",
                    "A is a popular practice among those familiar with what is acceptable "
                    "with regard to A.",
                    "What actions or other signs show that a large majority accepts A?",
                ),
                _slot(
                    "presumption",
                    "If A is such a popular practice, that is a reason to think A is acceptable.",
                ),
            ),
            "A is acceptable in this case.",
            (
                _assumption(
                    "justification",
                    "Even if a large majority accepts A, what grounds are there for thinking "
                    "they are justified?",
                ),
            ),
            f"{_WRM}, 'Argument from Popular Practice'; {_READING}.",
            ("PopularPractice",),
        ),
    )


def _case_schemes() -> tuple[Scheme, ...]:
    """Arguments from a case: example, analogy, precedent."""
    return (
        Scheme(
            "example",
            "Argument from Example",
            (
                _slot(
                    "case",
                    "In this case, the individual a has property F and also property G.",
                    "Is it in fact true that a has F and G?",
                ),
            ),
            "Generally, if x has property F, then it also has property G.",
            (
                _assumption(
                    "support",
                    "Does the example support the general claim: is it an instance of it?",
                    "case",
                ),
                _assumption(
                    "typicality",
                    "Is a typical of the kinds of cases the generalization covers?",
                    "case",
                ),
                _exception(
                    "strength", "How strong is the generalization: are there counterexamples?"
                ),
                _exception(
                    "special-circumstances",
                    "Were there special circumstances in the example that impair its "
                    "generalizability?",
                ),
            ),
            f"{_WRM}, 'Argument from Example'; {_READING}.",
            ("Example",),
        ),
        Scheme(
            "analogy",
            "Argument from Analogy",
            (
                _slot(
                    "similarity",
                    "Generally, case C1 is similar to case C2.",
                    "Are C1 and C2 similar in the respect cited?",
                ),
                _slot(
                    "base-case", "A is true in case C1.", "Is A true (the right conclusion) in C1?"
                ),
            ),
            "A is true in case C2.",
            (
                _exception(
                    "differences",
                    "Are there differences between C1 and C2 that would undermine the "
                    "similarity cited?",
                    "similarity",
                ),
                _exception(
                    "counter-case",
                    "Is there another case C3, also similar to C1, in which A is false?",
                ),
            ),
            f"{_WRM}, 'Argument from Analogy' (p. 315); kinds: {_CARNEADES}.",
            ("Analogy", "Argument by analogy"),
        ),
        Scheme(
            "precedent",
            "Argument from Precedent",
            (
                _slot(
                    "rule",
                    "Generally, by the established rule, if x has property F then x has "
                    "property G.",
                ),
                _slot(
                    "case",
                    "In this legitimate case, a has F but does not have G.",
                    "Is the case cited legitimate, or only an apparent violation of the rule?",
                ),
            ),
            "An exception to the rule must be recognized, and the rule modified or qualified.",
            (
                _assumption(
                    "applicability", "Does the established rule really apply to this case?", "rule"
                ),
                _exception(
                    "existing-exception",
                    "Could the case be dealt with under an already recognized exception to "
                    "the rule, without changing the rule?",
                ),
            ),
            f"{_WRM}, 'Argument from Precedent' (a case that breaks an established rule; "
            "for following a similar past case use 'analogy'); "
            f"{_READING}.",
            ("Precedent",),
        ),
    )


def _classification_schemes() -> tuple[Scheme, ...]:
    """Arguments from classification, signs, rules and explanation."""
    return (
        Scheme(
            "verbal-classification",
            "Argument from Verbal Classification",
            (
                _slot(
                    "individual",
                    "a has a particular property F.",
                    "What evidence is there that a definitely has F, rather than leaving "
                    "room for doubt?",
                ),
                _slot(
                    "classification",
                    "For all x, if x has property F, then x can be classified as having "
                    "property G.",
                ),
            ),
            "a has property G.",
            (
                _exception(
                    "definition",
                    "Is the classification based merely on a stipulative or biased definition "
                    "that is open to doubt?",
                    "classification",
                ),
            ),
            f"{_WRM}, 'Argument from Verbal Classification'; kinds: {_CARNEADES} "
            "('definition to verbal classification').",
            ("VerbalClassification", "Classification"),
        ),
        Scheme(
            "sign",
            "Argument from Sign",
            (
                _slot("finding", "A (a finding) is true in this situation."),
                _slot("indication", "B is generally indicated as true when its sign, A, is true."),
            ),
            "B is true in this situation.",
            (
                _assumption(
                    "correlation-strength",
                    "How strong is the correlation of the sign A with the event B?",
                    "indication",
                ),
                _exception(
                    "other-events", "Are there other events that would more reliably account for A?"
                ),
            ),
            f"{_WRM}, 'Argument from Sign'; {_READING}.",
            ("Sign",),
        ),
        Scheme(
            "established-rule",
            "Argument from an Established Rule",
            (
                _slot(
                    "rule",
                    "If carrying out actions of a kind that includes A is the established rule "
                    "for x, then (unless the case is an exception) x must carry out A.",
                    "Does the rule require actions of a kind that includes A?",
                ),
                _slot(
                    "established",
                    "Carrying out actions of a kind that includes A is the established rule for a.",
                ),
            ),
            "a must carry out A.",
            (
                _assumption("validity", "Is the rule valid: is it in force?", "rule"),
                _exception(
                    "conflicting-rules",
                    "Are there other established rules that might conflict with or override "
                    "this one?",
                ),
                _exception(
                    "exceptional-case",
                    "Is this case an exception: are there extenuating circumstances or an "
                    "excuse for not complying?",
                ),
            ),
            f"{_WRM}, 'Argument from an Established Rule'; kinds: {_CARNEADES} "
            "(the validity assumption is Carneades').",
            ("EstablishedRule", "Rule", "Rules", "Argument from rules"),
        ),
        Scheme(
            "best-explanation",
            "Argument from Best Explanation",
            (
                _slot("data", "D is a set of data or supposed facts in the case."),
                _slot(
                    "accounts",
                    "Each of the accounts A1, ..., An explains D successfully.",
                ),
                _slot("best", "Ai is the account that explains D most successfully."),
            ),
            "Ai is the most plausible hypothesis in the case.",
            (
                _assumption(
                    "satisfactory",
                    "How satisfactory is Ai itself as an explanation of D, apart from the "
                    "alternatives?",
                    "best",
                ),
                _exception(
                    "better-explanation",
                    "Is there an explanation of D better than Ai, or is Ai only slightly "
                    "better than the alternatives?",
                    "best",
                ),
                _exception(
                    "thoroughness",
                    "How far has the inquiry progressed: how thorough was the investigation?",
                ),
                _exception(
                    "premature",
                    "Would it be better to continue the inquiry instead of drawing a "
                    "conclusion now?",
                ),
            ),
            f"{_WRM}, 'Abductive Argument Scheme' (inference to the best explanation); "
            f"kinds: {_CARNEADES} ('abduction').",
            (
                "Abduction",
                "Abductive",
                "Abductive argument",
                "Abductive argument scheme",
                "Inference to the best explanation",
                "IBE",
                "BestExplanation",
            ),
        ),
        Scheme(
            "ignorance",
            "Argument from Ignorance",
            (
                _slot("knowability", "If A were true, A would be known to be true."),
                _slot("unknown", "It is not known that A is true."),
            ),
            "A is not true.",
            (
                _exception(
                    "search",
                    "How far has the search for evidence progressed: has A been investigated?",
                    "unknown",
                ),
                _assumption(
                    "burden",
                    "Which side has the burden of proof: who must prove the ultimate claim?",
                ),
                _assumption(
                    "standard", "How strong does the proof need to be for that side to succeed?"
                ),
            ),
            f"{_WRM}, 'Argument from Ignorance'; kinds: {_CARNEADES} (the search question); "
            f"the burden questions by the Carneades reading.",
            ("Ignorance", "Lack of evidence", "Ad ignorantiam"),
        ),
    )


def _person_schemes() -> tuple[Scheme, ...]:
    """Arguments from commitment and about persons: ad hominem, bias."""
    return (
        Scheme(
            "commitment",
            "Argument from Commitment",
            (
                _slot(
                    "commitment",
                    "By the evidence of what a said or did, a is committed to A.",
                    "What evidence shows that a is committed to A, and is there contrary "
                    "evidence that a might not be?",
                ),
                _slot(
                    "linkage",
                    "Generally, when an arguer is committed to A, the arguer is also "
                    "committed to B.",
                ),
            ),
            "a is committed to B.",
            (
                _exception(
                    "exception",
                    "Is this case an exception to the rule that commitment to A implies "
                    "commitment to B?",
                    "linkage",
                ),
            ),
            f"{_WRM}, 'Argument from Commitment'; {_READING}.",
            ("Commitment",),
        ),
        Scheme(
            "inconsistent-commitment",
            "Argument from Inconsistent Commitment",
            (
                _slot(
                    "initial-commitment",
                    "a has claimed or indicated a commitment to A.",
                    "What is the evidence that a is committed to A?",
                ),
                _slot(
                    "opposed-commitment",
                    "Other evidence in this case shows that a is not really committed to A.",
                    "What further evidence shows that a is not committed to A?",
                ),
            ),
            "a's commitments are inconsistent.",
            (
                _assumption(
                    "inconsistency",
                    "How does this evidence show that a's commitments are inconsistent?",
                ),
            ),
            f"{_WRM}, 'Argument from Inconsistent Commitment'; {_READING}.",
            ("InconsistentCommitment",),
        ),
        Scheme(
            "ad-hominem",
            "Generic Ad Hominem Argument",
            (
                _slot(
                    "character",
                    "a is a person of bad character.",
                    "How well is the allegation of bad character supported by evidence?",
                ),
            ),
            "a's argument should not be accepted.",
            (
                _assumption(
                    "relevance", "Is a's character relevant in this kind of dialogue?", "character"
                ),
                _exception(
                    "weaker-conclusion",
                    "Does the attack only warrant giving a's argument less weight, rather "
                    "than rejecting it?",
                ),
            ),
            f"{_WRM}, 'Generic Ad Hominem'; kinds: {_CARNEADES} (the relevance assumption, "
            "'ethotic'); the other by the Carneades reading.",
            ("GenericAdHominem", "Ad hominem", "Ethotic", "Abusive ad hominem"),
        ),
        Scheme(
            "circumstantial-ad-hominem",
            "Circumstantial Ad Hominem Argument",
            (
                _slot("argument", "a advocates an argument whose conclusion is A."),
                _slot(
                    "inconsistency",
                    "a's own actions or circumstances show a commitment to the opposite of A.",
                    "Is there a pair of commitments of a, shown by evidence, that are "
                    "practically inconsistent?",
                ),
                _slot("credibility", "This puts a's credibility as a person into question."),
            ),
            "The plausibility of a's argument is decreased or destroyed.",
            (
                _exception(
                    "resolution",
                    "Can the inconsistency be resolved or explained by further dialogue?",
                    "inconsistency",
                ),
                _assumption(
                    "relevance",
                    "Is character an issue in the dialogue, so that questioning it is legitimate?",
                    "credibility",
                ),
                _exception(
                    "weaker-conclusion",
                    "Does the attack only put a's credibility in question, rather than refute "
                    "a's argument?",
                ),
            ),
            f"{_WRM}, 'Circumstantial Ad Hominem'; kinds: {_CARNEADES} (the relevance "
            "assumption, 'ethotic'); the others by the Carneades reading.",
            ("CircumstantialAdHominem", "Tu quoque"),
        ),
        Scheme(
            "bias",
            "Argument from Bias",
            (
                _slot(
                    "generalization",
                    "If x is biased, x is less likely to have weighed the evidence on both "
                    "sides in arriving at A.",
                ),
                _slot("bias", "Arguer a is biased.", "What evidence is there that a is biased?"),
            ),
            "a is less likely to have weighed the evidence on both sides in arriving at A.",
            (
                _exception(
                    "acceptable-bias",
                    "Is a's bias one that is acceptable in this dialogue, rather than a bad bias?",
                    "bias",
                ),
                _assumption(
                    "relevance", "Is the question of a's bias relevant in this kind of dialogue?"
                ),
            ),
            f"{_WRM}, 'Argument from Bias'; {_READING}.",
            ("Bias",),
        ),
    )


def _practical_schemes() -> tuple[Scheme, ...]:
    """Arguments about what to do: goals, values, consequences, threats, waste."""
    return (
        Scheme(
            "practical-reasoning",
            "Practical Reasoning",
            (
                _slot("goal", "Agent a has a goal G."),
                _slot("means", "Carrying out action A is a means for a to realize G."),
            ),
            "a ought (practically speaking) to carry out A.",
            (
                _exception(
                    "conflicting-goals", "Does a have other goals that might conflict with G?"
                ),
                _exception(
                    "alternatives",
                    "Are there alternative actions that would also realize G?",
                    "means",
                ),
                _exception(
                    "efficiency",
                    "Among A and those alternatives, is another one the most efficient?",
                    "means",
                ),
                _assumption(
                    "possibility", "What grounds are there that a can in fact carry out A?", "means"
                ),
                _exception(
                    "side-effects",
                    "What other consequences of carrying out A should be taken into account?",
                ),
            ),
            f"{_WRM}, 'Practical Reasoning' (p. 323); kinds: {_CARNEADES} "
            "('instrumental practical reasoning').",
            ("PracticalReasoning", "Practical reasoning", "Goal-based reasoning"),
        ),
        Scheme(
            "value-based-practical-reasoning",
            "Value-Based Practical Reasoning",
            (
                _slot("circumstances", "In the current circumstances, S1 is the case."),
                _slot("action", "Carrying out action A in S1 would bring about circumstances S2."),
                _slot("goal", "S2 would realize goal G."),
                _slot("value", "Realizing G would promote value V."),
            ),
            "A should be carried out.",
            (
                _assumption("legitimate-value", "Is V a legitimate value?", "value"),
                _assumption("worthy-goal", "Is G a worthy goal?", "goal"),
                _assumption("possibility", "Is it possible to carry out A?", "action"),
                _exception(
                    "alternative-action",
                    "Would another action bring about S2 more effectively?",
                    "action",
                ),
                _exception(
                    "alternative-goal", "Would another action realize G more effectively?", "goal"
                ),
                _exception(
                    "alternative-value", "Would another action promote V more effectively?", "value"
                ),
                _exception(
                    "side-effects", "Would carrying out A have side effects that demote some value?"
                ),
            ),
            f"{_WRM}, 'Argument from Values' with 'Practical Reasoning'; after Atkinson & "
            f"Bench-Capon 2007; kinds: {_CARNEADES}.",
            ("ValueBasedPracticalReasoning", "Value-based practical reasoning", "VBPR"),
        ),
        Scheme(
            "values",
            "Argument from Values",
            (
                _slot("value", "Value V is positive (negative) as judged by agent a."),
                _slot(
                    "bearing",
                    "That V is positive (negative) is a reason for (against) a's commitment "
                    "to goal G.",
                ),
            ),
            "V is a reason for a to retain (retract) the commitment to G.",
            (
                _assumption("legitimate-value", "Is V a legitimate value for a?", "value"),
                _exception(
                    "other-values",
                    "Are there other values of a, positive or negative, that weigh the "
                    "other way on G?",
                ),
            ),
            f"{_WRM}, 'Argument from Values' (positive and negative; premises); the "
            "questions and their kinds after value-based practical reasoning in "
            f"{_CARNEADES}.",
            ("Values", "PositiveValues", "NegativeValues", "Argument from value"),
        ),
        Scheme(
            "positive-consequences",
            "Argument from Positive Consequences",
            (
                _slot(
                    "consequences",
                    "If A is brought about, good consequences will plausibly occur.",
                    "How likely is it that the good consequences cited will occur?",
                ),
            ),
            "A should be brought about.",
            (
                _assumption(
                    "evidence",
                    "What evidence supports that the consequences will occur, and is it "
                    "strong enough?",
                    "consequences",
                ),
                _exception(
                    "opposite-consequences",
                    "Are there bad consequences of A that should be taken into account?",
                ),
            ),
            f"{_WRM}, 'Argument from Positive Consequences' (p. 332); {_READING}.",
            ("PositiveConsequences", "Pragmatic argument"),
        ),
        Scheme(
            "negative-consequences",
            "Argument from Negative Consequences",
            (
                _slot(
                    "consequences",
                    "If A is brought about, bad consequences will plausibly occur.",
                    "How likely is it that the bad consequences cited will occur?",
                ),
            ),
            "A should not be brought about.",
            (
                _assumption(
                    "evidence",
                    "What evidence supports that the consequences will occur, and is it "
                    "strong enough?",
                    "consequences",
                ),
                _exception(
                    "opposite-consequences",
                    "Are there good consequences of A that should be taken into account?",
                ),
            ),
            f"{_WRM}, 'Argument from Negative Consequences' (p. 332); {_READING}.",
            ("NegativeConsequences",),
        ),
        Scheme(
            "alternatives",
            "Argument from Alternatives",
            (
                _slot(
                    "options",
                    "In this situation, the only alternatives open to a are A and B.",
                    "Are A and B really the only alternatives open to a?",
                ),
                _slot(
                    "rejection",
                    "B is unacceptable: it would have bad consequences.",
                    "Is B really unacceptable?",
                ),
            ),
            "a should bring about A.",
            (
                _assumption("feasibility", "Can a in fact bring about A?", "options"),
                _exception(
                    "bad-consequences",
                    "Would A have bad consequences of its own, as bad as those of B?",
                ),
            ),
            f"{_WRM}, 'Pragmatic Argument from Alternatives' (premises); the questions are "
            f"this catalogue's, after 'Practical Reasoning'; {_READING}.",
            ("Alternatives", "Pragmatic alternatives", "Pragmatic argument from alternatives"),
        ),
        Scheme(
            "threat",
            "Argument from Threat",
            (
                _slot(
                    "threat",
                    "If you bring about A, then I (or some agent) will bring about B.",
                    "Is the threat credible: can and will B be brought about?",
                ),
                _slot("harm", "B is bad for you.", "Is B really bad for you?"),
            ),
            "You should not bring about A.",
            (
                _exception(
                    "outweighed", "Is bringing about A worth more to you than avoiding B?", "harm"
                ),
                _exception(
                    "illegitimate",
                    "Is the threat an attempt to coerce rather than a relevant reason in this "
                    "dialogue?",
                ),
            ),
            f"{_WRM}, 'Argument from Threat' (premises); the questions are this catalogue's "
            f"reading of them; {_READING}.",
            ("Threat", "Ad baculum"),
        ),
        Scheme(
            "waste",
            "Argument from Waste",
            (
                _slot(
                    "waste",
                    "If a stops trying to realize A now, all a's previous efforts to realize "
                    "A will be wasted.",
                ),
                _slot(
                    "badness", "If all a's previous attempts to realize A are wasted, that is bad."
                ),
            ),
            "a ought to continue trying to realize A.",
            (
                _exception(
                    "past-costs",
                    "Are a's past efforts a value to weigh now, or past events that can no "
                    "longer be changed?",
                    "badness",
                ),
                _assumption("possibility", "Is there reason to think that A can be realized?"),
                _assumption(
                    "worth",
                    "From now on, is realizing A worth more than the cost of continuing?",
                ),
            ),
            f"{_WRM}, 'Argument from Waste'; Walton 2002 ('The sunk costs fallacy or argument "
            f"from waste'); kinds: {_CARNEADES} (the possibility assumption, 'sunk costs'); "
            "the others by the Carneades reading.",
            ("Waste",),
        ),
        Scheme(
            "sunk-costs",
            "Argument from Sunk Costs",
            (
                _slot("costs", "The costs of a's doing A so far are C."),
                _slot("too-high", "C is too high to waste."),
            ),
            "a should continue doing A.",
            (
                _assumption("feasibility", "Is it feasible for a to complete A?"),
                _exception(
                    "relevance",
                    "Are the costs already spent relevant to what is best to do now?",
                    "too-high",
                ),
                _exception(
                    "further-costs",
                    "Would continuing A cost more than completing it is worth?",
                ),
            ),
            f"{_WRM}, 'Argument from Sunk Costs'; Walton 2002; kinds: {_CARNEADES} "
            "(the feasibility assumption); the others by the Carneades reading.",
            ("SunkCosts", "Sunk costs"),
        ),
        Scheme(
            "slippery-slope",
            "Slippery Slope Argument",
            (
                _slot(
                    "first-step",
                    "A0 is up for consideration as a proposal that seems at first like "
                    "something that should be brought about.",
                ),
                _slot(
                    "sequence",
                    "Bringing about A0 would plausibly lead to A1, which would in turn lead to "
                    "A2, and so on through An.",
                ),
                _slot(
                    "bad-outcome",
                    "An is a horrible (disastrous, bad) outcome.",
                    "Is An really a bad outcome?",
                ),
            ),
            "A0 should not be brought about.",
            (
                _assumption(
                    "steps-given",
                    "Which intervening steps linking A0 to An are actually given?",
                    "sequence",
                ),
                _assumption(
                    "missing-steps",
                    "What other steps are needed to fill in the sequence and make it plausible?",
                    "sequence",
                ),
                _exception(
                    "weakest-link",
                    "Where are the weakest links, at which one step may not lead to the next?",
                    "sequence",
                ),
            ),
            f"{_WRM}, 'Slippery Slope Argument'; {_READING}.",
            ("SlipperySlope", "Slippery slope"),
        ),
    )


def _causal_schemes() -> tuple[Scheme, ...]:
    """Causal arguments."""
    return (
        Scheme(
            "cause-to-effect",
            "Argument from Cause to Effect",
            (
                _slot(
                    "causal-law",
                    "Generally, if A occurs, then B will (might) occur.",
                    "How strong is the causal generalization?",
                ),
                _slot("cause", "In this case, A occurs (might occur)."),
            ),
            "In this case, B will (might) occur.",
            (
                _assumption(
                    "evidence",
                    "Is the evidence cited, if any, strong enough to warrant the causal "
                    "generalization?",
                    "causal-law",
                ),
                _exception(
                    "interference",
                    "Are there other causal factors that could interfere with producing the "
                    "effect in this case?",
                ),
            ),
            f"{_WRM}, 'Argument from Cause to Effect'; kinds: {_CARNEADES}.",
            ("CauseToEffect", "Cause to effect", "Causal argument"),
        ),
        Scheme(
            "correlation-to-cause",
            "Argument from Correlation to Cause",
            (
                _slot(
                    "correlation",
                    "There is a positive correlation between A and B.",
                    "Is there a positive correlation between A and B?",
                ),
            ),
            "A causes B.",
            (
                _assumption(
                    "instances",
                    "Are there a significant number of instances of the correlation?",
                    "correlation",
                ),
                _assumption(
                    "direction",
                    "Is there good evidence that the causation goes from A to B, not only "
                    "from B to A?",
                ),
                _assumption("mechanism", "Is there an account of how A would bring about B?"),
                _exception(
                    "common-cause",
                    "Could a third factor, a common cause of A and B, account for the correlation?",
                ),
                _exception(
                    "intervening-variables",
                    "If there are intervening variables, is the causal relation between A "
                    "and B only indirect?",
                ),
                _exception(
                    "range",
                    "Does the correlation fail outside some range, and are its limits known?",
                ),
                _exception(
                    "definition",
                    "Is the change in B due only to how B is defined or classified, or to "
                    "standards that changed over time?",
                ),
            ),
            f"{_WRM}, 'Argument from Correlation to Cause'; kinds: {_CARNEADES} "
            "(the mechanism assumption and common-cause exception are Carneades'); "
            "the others by the Carneades reading.",
            ("CorrelationToCause", "Correlation to cause"),
        ),
    )


SCHEMES: Mapping[str, Scheme] = types.MappingProxyType(
    {scheme.key: scheme for scheme in _catalogue()}
)
"""Every scheme of the catalogue by its key (kebab-case, stable); read-only."""

_PREFIX = re.compile(r"^(?:argument|arg)(?:from|for|by)")
_SUFFIX = re.compile(r"(?:argument)?(?:scheme)?$")
_NON_WORD = re.compile(r"[\W_]+")


def _normal(name: str) -> str:
    """``name`` in the form lookups compare: NFKC, case-folded, letters and digits
    only, without a leading "argument from" and a trailing "argument scheme"."""
    text = _NON_WORD.sub("", unicodedata.normalize("NFKC", name).casefold())
    bare = _SUFFIX.sub("", _PREFIX.sub("", text))
    return bare or text


def _index(schemes: Iterable[Scheme]) -> dict[str, str]:
    """Every accepted spelling (normalized) of every scheme, mapped to the scheme's key."""
    index: dict[str, str] = {}
    for scheme in schemes:
        for name in (scheme.key, scheme.name, *scheme.aliases):
            index.setdefault(_normal(name), scheme.key)
    return index


_GENERIC = frozenset(_normal(label) for label in ("Default Inference", "Inference", "RA"))
"""The labels of AIF's generic inference, which name no scheme (normalized)."""


def is_generic(name: str) -> bool:
    """True for the labels of AIF's generic inference ("Default Inference", "RA", ...),
    which name no scheme: a corpus that uses them has simply not said which one."""
    return _normal(name) in _GENERIC


_INDEX = types.MappingProxyType(_index(SCHEMES.values()))
_LONGEST = max(len(name) for name in _INDEX)


def nearest(name: object, n: int = 3) -> tuple[str, ...]:
    """Up to ``n`` keys of :data:`SCHEMES` whose key, name or alias is spelled most
    like ``name``, best first; empty when none is close (or ``name`` is not text).

    A name far longer than every known spelling is close to none, and is not compared:
    the suggestion costs the same whatever the input.
    """
    if not isinstance(name, str) or n < 1:
        return ()
    wanted = _normal(name)
    if not wanted or len(wanted) > 2 * _LONGEST:
        return ()
    keys: list[str] = []
    for spelling in difflib.get_close_matches(wanted, list(_INDEX), n=4 * n, cutoff=0.6):
        if _INDEX[spelling] not in keys:
            keys.append(_INDEX[spelling])
    return tuple(keys[:n])


def _shown(name: object) -> str:
    """``name`` quoted for a one-line message, cut short when long."""
    text = name if isinstance(name, str) else type(name).__name__
    short = text if len(text) <= 60 else text[:57] + "..."
    return repr(short)


def unknown_scheme(name: object, ids: tuple[str, ...] = ()) -> Problem:
    """The ``unknown-scheme`` warning for ``name``, naming the nearest keys: what
    :func:`lookup` raises, and what a check reports for the inferences ``ids``."""
    if not isinstance(name, str):
        message = f"a scheme name must be text, not {type(name).__name__}."
    elif _normal(name) in _GENERIC:
        message = f"{_shown(name)} is a generic inference: it names no argument scheme."
    else:
        close = nearest(name)
        hint = (
            "did you mean " + ", ".join(repr(key) for key in close) + "?"
            if close
            else "see argmap.schemes.SCHEMES for the keys."
        )
        message = f"{_shown(name)} is not a known argument scheme: {hint}"
    return Problem("unknown-scheme", "warning", ids, message)


def lookup(name: str) -> Scheme:
    """The scheme called ``name``: its key, its name, or an alias corpora use
    (``"ExpertOpinion"``, "Argument from Expert Opinion", ``"expert opinion"``), in any
    case and with any spaces, hyphens or underscores.

    Raises :class:`~argmap.errors.MapError`, with one ``unknown-scheme`` problem that
    names the nearest keys, when ``name`` is no scheme's.
    """
    if isinstance(name, str):
        key = _INDEX.get(_normal(name))
        if key is not None:
            return SCHEMES[key]
    raise MapError([unknown_scheme(name)])
