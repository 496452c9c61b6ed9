"""Every tuned number in one place, each with the reason it has the value it has."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # One article is at most a few hundred KB of text; 10 MB leaves room for bloated HTML
    # while a runaway 50 MB dump is refused with a reason instead of filling memory.
    max_file_mb: int = 10

    # Cleaning. A line with fewer words than this and no sentence-ending punctuation is a
    # heading, byline or caption fragment, not story text (checked on the LocalNews dev set).
    min_sentence_words: int = 6
    # A paragraph of its own with no sentence-ending punctuation and fewer words than this is
    # a section heading or label ("More on this", "Jan 17, 2025") or the headline of another
    # article in a related-links list, not story text. Such headlines run to about 17 words: at
    # 12 they were kept and became facts (14 of 150 facts sampled from the tune half of the
    # labelled stories were headings, headlines or promos).
    heading_max_words: int = 20
    # Front matter (headline, standfirst, byline) is short: on LocalNews dev the 371 paragraphs
    # taken as front matter have at most 28 words, and the one longer (68) was story text; so a
    # paragraph longer than this is story text whatever its last characters (issue 14).
    front_matter_max_words: int = 40
    # When the rules would remove more than this share of an article's words (repeats and the
    # headline not counted), the text is kept whole with a warning: losing a real article is
    # worse than keeping a promo line (issue 14). On LocalNews dev 2 of 576 articles pass it.
    clean_max_removed_share: float = 0.5
    # Lines repeated within this fuzzy ratio (rapidfuzz, 0-100) are a caption and its copy.
    duplicate_line_ratio: float = 92.0

    # Claims. Sentences longer than this (tokens) are split at coordinated clauses that have a
    # subject of their own; shorter ones rarely carry two facts.
    split_min_tokens: int = 14

    # Alignment: a pair of claims from two articles is the same fact when
    #   cosine * w_cos + keyword_overlap * w_key + number_agreement * w_num >= align_threshold.
    # Measured on the reference story: true paraphrases have cosine 0.4-0.8 while unrelated
    # sentences reach 0.69, so cosine alone cannot decide; shared rare words (IDF-weighted) and
    # shared numbers separate them. Weights and threshold tuned on ECB+ alignment dev
    # (`newsweave eval alignment`), see README for the precision/recall this gives.
    align_w_cos: float = 0.55
    align_w_key: float = 0.45
    align_w_num: float = 0.10
    align_threshold: float = 0.52
    # Keyword overlap is the shared words' weight over the shorter claim's, but, where the two
    # share no figure, never over less than this share of the longer one's: a short claim ("He
    # pleaded guilty") whose few words a long sentence happens to hold ("four people have
    # pleaded guilty to lying") is not thereby stated by it, while "will be 29 in April" is
    # still stated by "X, who turns 29 on April 11, has averaged ...". Chosen on the tune half
    # by reading the pairs it changes (bench/results-align.md): 0.3.
    align_short_share: float = 0.3
    # Across languages keyword overlap is near zero by construction; the encoder is aligned
    # across languages, so cosine alone decides there, with this threshold.
    align_cross_lingual_cos: float = 0.62
    # Group-level check: a claim joins a fact only if its mean score against the fact's
    # mentions stays above this share of the threshold (stops chaining A~B~C into A~C).
    align_group_ratio: float = 0.85

    # Stories (cluster.py). Share of the similarity given to names and numbers: tuned on ECB+
    # dev (events of one kind in one topic) and MMDS dev (English/Malay/Chinese) with the
    # threshold below: 0.45 lifts ECB+ B-cubed F1 from 0.81 (encoder alone, best cut) to 0.89
    # (0.93 with the cohesion test); above 0.5 MMDS stories whose Chinese members share no
    # Latin-script names start to split.
    cluster_name_weight: float = 0.45
    # Merge clusters while their mean pairwise similarity stays above this; best mean F1 over
    # the two dev sets at the weight above (grid 0.30-0.55 in steps of 0.02-0.05).
    cluster_threshold: float = 0.36
    # Nearest neighbours per article that may become merge candidates; stories in the dev
    # sets have up to ~25 articles and average link needs a few links across a story to see it.
    cluster_neighbours: int = 30
    # Two clusters merge only if their publication days overlap or lie at most this far apart
    # (only applied when both sides are dated). The gap is measured, not the merged span:
    # with the span, a story covered for weeks was cut into 10-day pieces (LocalNews pooled,
    # check half: B3 recall 0.58 -> 0.63 with the gap; ECB+ unchanged). 10 days is a choice,
    # not a fit: the dev sets hold no recurring event of one kind to measure it on, and ECB+
    # gold counts follow-ups 30-53 days later as the same story (3 of its 46 stories split).
    cluster_window_days: int = 10
    # An article (or a one-language group) joins a group only if it is at least this share as
    # alike to the group's members in its language as they are to each other (cluster._outlier;
    # 0 turns the test off). A report of another event of the same beat (two crimes in one
    # city, two trade figures of one month) passes the threshold above with a single member and
    # fails this. Chosen on the tune halves (bench/results-cluster-split.md): 0.55 is the lowest
    # value giving the best tune F1 (MMDS 0.954 -> 0.962, ECB+ flat; LocalNews pooled 0.770 ->
    # 0.767); the check halves agree (MMDS flat, ECB+ flat, LocalNews pooled 0.777 -> 0.796).
    cluster_outlier_ratio: float = 0.55
    # True: the run's inputs are one story, whatever the grouping says (`--one-story`): every
    # story holding any input is made one. For a folder of one event's coverage, where the
    # grouping, made for piles of many events, may split off an article whose lead reads
    # differently (labelled dev stories analysed alone: tune 10 of 28 split, check 2).
    one_story: bool = False

    # Disagreements (compare/scorer.py). None: the scorer's own cuts, chosen on the tune half of
    # the labelled stories and stored with it. A probability from `conflict_show` up is shown,
    # from `conflict_floor` up listed as a possible difference.
    conflict_show: float | None = None
    conflict_floor: float | None = None
    # Every candidate pair as its own possible difference, nothing grouped: what the scorer is
    # fitted on (`newsweave.eval.fit`), not for reading.
    conflict_pairs: bool = False
    # Possible differences listed per story, most likely first: a reader looks through a short
    # list, not dozens (the tune half averages under 10 candidates above the floor per story,
    # the reference story 40, mostly dates of different events). Differences of the closed
    # families (`compare.roles`, `compare.states`) are listed on top of these.
    possible_max: int = 5
    # Differences of amounts of money listed per story, beside those: many amounts in a story
    # are of different things (fines of two people, prices of two products), and the labelled
    # dev stories hold no real money difference to rank them on, so they never crowd out the
    # others and are never shown (`compare.money_slots`).
    money_max: int = 2

    # "Only one source" checked (verify.py): a single-source fact joins the fact of its most
    # probable partner in another article from this probability up (verifier.json's model).
    # Chosen on the tune half of the labelled stories, out of fold: the lowest cut that puts
    # no more labelled look-alikes in one fact than alignment alone (0.15 adds 2 of 168);
    # paraphrase quotes shown single-source fall from 22.2 % to 20.4 %, and 45 of 2,917
    # single-source facts are corroborated, about three in four rightly (30 read by hand).
    # Lower cuts reach the 10 % goal (0.05: 9.2 %) only by corroborating mostly other
    # sentences of the story (837 joins; about 3 in 4 wrong in a sample of 40 read by hand).
    verify_cut: float = 0.2
    # Below the cut and from this probability up, the partner is named on the fact
    # (`Fact.maybe_also`) and the brief does not write "Only X reports": the search did not
    # come back empty. Chosen on the tune half: the highest cut (of 0.02-0.2) at which at most
    # 10 % of labelled paraphrase quotes land where "only one source" is said unqualified
    # (tune 0.208 -> 0.098, check 0.156 -> 0.060); 27 % of single-source facts (check 35 %)
    # then name a partner.
    verify_maybe: float = 0.05

    # The brief: about 8-10 sentences is what a reader takes in within a minute (issue #5).
    brief_sentences: int = 9

    # Encoder batch size: bounded memory and steady progress on large piles.
    encode_batch: int = 64


DEFAULT_SETTINGS = Settings()
